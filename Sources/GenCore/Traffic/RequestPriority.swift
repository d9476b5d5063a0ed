/// Which batch of a run the model requests made in a task belong to, for the pools that serve them.
///
/// A pipelined run has several batches generating at once and commits them strictly in order, so a batch's
/// slowest request holds up every later commit. Pools serve the oldest batch's waiting requests first: batches
/// then complete in the order they commit, instead of all at once at the end.
public enum RequestPriority {
    /// The batch index, set by the run loop around each batch's generation; nil (served last, in arrival order)
    /// for requests outside a batch.
    @TaskLocal public static var batch: Int?
}
