/// A growable UTF-8 output buffer for the byte-level passes; appends cost less than `Array`'s, which re-checks
/// uniqueness and capacity through more layers on each one.
struct ByteBuffer: ~Copyable {
    /// Start of the allocation.
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes allocated.
    private var capacity: Int
    /// Bytes written.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for at least `minimum` bytes in all.
    mutating func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(toAtLeast: minimum) }
    }

    /// Appends one byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends bytes.
    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one scalar value as UTF-8.
    @inline(__always)
    mutating func append(scalar value: UInt32) {
        if count + 4 > capacity { grow(toAtLeast: count + 4) }
        if value < 0x80 {
            base[count] = UInt8(truncatingIfNeeded: value)
            count += 1
        } else if value < 0x800 {
            base[count] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 2
        } else if value < 0x10000 {
            base[count] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 3
        } else {
            base[count] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            base[count + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 4
        }
    }

    /// Forgets every byte from `newCount` on, to redo the end of the output.
    mutating func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count)
        count = newCount
    }

    /// The bytes as a String.
    func makeString() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Reallocates with at least `minimum` bytes of room, doubling to keep appends amortised O(1).
    @inline(never)
    private mutating func grow(toAtLeast minimum: Int) {
        let newCapacity = max(capacity * 2, minimum)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
