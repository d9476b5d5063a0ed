/// A binary min-heap ordered by `precedes`: the event loop's timers and a pool's waiting requests.
struct MinHeap<Element> {
    private var items: [Element] = []
    private let precedes: (Element, Element) -> Bool

    init(by precedes: @escaping (Element, Element) -> Bool) {
        self.precedes = precedes
    }

    var first: Element? { items.first }
    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    mutating func insert(_ element: Element) {
        items.append(element)
        siftUp(items.count - 1)
    }

    @discardableResult
    mutating func popFirst() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let first = items.removeLast()
        if !items.isEmpty { siftDown(0) }
        return first
    }

    /// Removes the first element matching `predicate` (a linear search: for rare removals such as cancellations).
    @discardableResult
    mutating func remove(where predicate: (Element) -> Bool) -> Element? {
        guard let index = items.firstIndex(where: predicate) else { return nil }
        items.swapAt(index, items.count - 1)
        let removed = items.removeLast()
        if index < items.count {
            siftDown(index)
            siftUp(index)
        }
        return removed
    }

    /// Empties the heap, returning its elements in no particular order.
    mutating func removeAll() -> [Element] {
        defer { items = [] }
        return items
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(items[child], items[parent]) else { return }
            items.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, precedes(items[left], items[smallest]) { smallest = left }
            if right < items.count, precedes(items[right], items[smallest]) { smallest = right }
            guard smallest != parent else { return }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
