/// A first-in, first-out queue with O(1) amortized append and pop (an array and a head index,
/// compacted once the consumed prefix outweighs the rest).
struct FIFO<Element> {
    private var storage: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }
    var count: Int { storage.count - head }
    var first: Element? { isEmpty ? nil : storage[head] }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Inserts keeping the queue sorted by `key`, assuming it already is (a linear search from
    /// the back; used for the rare re-queued item).
    mutating func insertInOrder(_ element: Element, by key: (Element) -> Int) {
        var index = storage.count
        while index > head, key(storage[index - 1]) > key(element) { index -= 1 }
        storage.insert(element, at: index)
    }
}
