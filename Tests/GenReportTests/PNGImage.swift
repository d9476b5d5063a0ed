import CZlib
import Foundation

/// A decoded 8-bit RGB or RGBA PNG (what Chromium's screenshots are): enough to tell a rendered page from a blank one.
struct PNGImage {
    let width: Int
    let height: Int
    /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
    let channels: Int
    /// Unfiltered pixel rows, `width * channels` bytes each.
    let pixels: [UInt8]

    struct DecodeError: Error, CustomStringConvertible {
        let description: String
    }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes.prefix(8).elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else {
            throw DecodeError(description: "not a PNG file")
        }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = Int(Self.bigEndian(bytes, offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw DecodeError(description: "truncated \(type) chunk") }
            if type == "IHDR" { header = Array(bytes[start..<(start + length)]) }
            if type == "IDAT" { compressed += bytes[start..<(start + length)] }
            if type == "IEND" { break }
            offset = start + length + 4
        }
        guard header.count == 13 else { throw DecodeError(description: "no IHDR chunk") }
        width = Int(Self.bigEndian(header, 0))
        height = Int(Self.bigEndian(header, 4))
        let bitDepth = header[8], colorType = header[9], interlace = header[12]
        guard bitDepth == 8, colorType == 2 || colorType == 6, interlace == 0 else {
            throw DecodeError(description: "unsupported PNG (bit depth \(bitDepth), colour type \(colorType), interlace \(interlace))")
        }
        channels = colorType == 6 ? 4 : 3
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBytes { output in
            compressed.withUnsafeBytes { input in
                uncompress(output.baseAddress?.assumingMemoryBound(to: Bytef.self), &rawLength,
                           input.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(compressed.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else {
            throw DecodeError(description: "zlib status \(status), \(rawLength) of \(raw.count) bytes")
        }
        pixels = try Self.unfilter(raw, height: height, stride: stride, channels: channels)
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Undoes the per-row filters (None, Sub, Up, Average, Paeth) of PNG's specification.
    static func unfilter(_ raw: [UInt8], height: Int, stride: Int, channels: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for column in 0..<stride {
                let value = raw[source + column]
                let left = column >= channels ? Int(output[target + column - channels]) : 0
                let up = row > 0 ? Int(output[target - stride + column]) : 0
                let upLeft = row > 0 && column >= channels ? Int(output[target - stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = a <= b && a <= c ? left : (b <= c ? up : upLeft)
                default: throw DecodeError(description: "unknown filter \(filter) on row \(row)")
                }
                output[target + column] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        return output
    }

    /// The RGB colour of a pixel packed into an integer.
    func color(x: Int, y: Int) -> Int {
        let index = (y * width + x) * channels
        return Int(pixels[index]) << 16 | Int(pixels[index + 1]) << 8 | Int(pixels[index + 2])
    }

    /// For each of `strips` horizontal bands, top to bottom, the share of (sampled) pixels that differ from the
    /// top-left pixel's colour, the page background; and how many distinct colours the samples hold.
    func ink(strips: Int, sampling step: Int = 3) -> (shares: [Double], colors: Int) {
        let background = color(x: 0, y: 0)
        var colors = Set<Int>()
        let shares = (0..<strips).map { strip -> Double in
            var ink = 0, total = 0
            for y in stride(from: strip * height / strips, to: (strip + 1) * height / strips, by: step) {
                for x in stride(from: 0, to: width, by: step) {
                    let sample = color(x: x, y: y)
                    total += 1
                    if sample != background { ink += 1 }
                    colors.insert(sample)
                }
            }
            return total > 0 ? Double(ink) / Double(total) : 0
        }
        return (shares, colors.count)
    }
}
