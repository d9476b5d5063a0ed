/// Who is calling a model (an arm, a check, attribute discovery), carried down the task tree so a replay that
/// misses a request can say which part of the script asked, and a cassette can say who asked for each answer.
public enum ModelCallSite {
    @TaskLocal public static var current: String?
}
