import Foundation
import Testing
@testable import GenReport

/// Renders the fixture report in real headless Chromium (Debian's `chromium`, installed by .ci/run) and checks
/// that the screenshot shows a page: not blank anywhere from top to bottom.
@Suite struct ScreenshotTests {
    static func chromium() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Runs Chromium with a deadline so a wedged browser fails the test instead of hanging it.
    static func screenshot(page: URL, to png: URL, width: Int, height: Int, extraArguments: [String] = []) throws -> String {
        guard let chromium = chromium() else {
            throw ReportError("chromium is not installed (apt-get install chromium); .ci/run installs it")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("gen-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)",
        ] + extraArguments + [page.absoluteString]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw ReportError("chromium did not finish within 90 s")
        }
        return String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test func chromiumRendersTheReportIntoANonBlankScreenshot() async throws {
        let directory = try await FixtureRun.shared.value
        let page = directory.appendingPathComponent("screenshot-report.html")
        try await ReportWriter.write(runDirectory: directory, out: page)
        let png = directory.appendingPathComponent("report.png")
        let output = try Self.screenshot(page: page, to: png, width: 1280, height: 2400)
        let data = try #require(FileManager.default.contents(atPath: png.path), "no screenshot; chromium said: \(output)")
        #expect(data.count > 50_000, "a rendered report compresses to well over 50 kB; got \(data.count) bytes")
        let image = try PNGImage(data: data)
        #expect(image.width == 1280 && image.height == 2400)
        // Every quarter of the page, top to bottom, has ink: at least 1% of its pixels differ from the background.
        let (shares, colors) = image.ink(strips: 4)
        for (quarter, share) in shares.enumerated() {
            #expect(share > 0.01, "quarter \(quarter + 1) of the screenshot is blank")
        }
        // Charts in several series colours, text and anti-aliasing: a blank or broken page has a handful of colours.
        #expect(colors > 50)
        print("report screenshot: \(png.path) (\(data.count) bytes, \(colors) sampled colours)")
    }

    /// The blankness check itself: an empty page must fail it, or the test above would prove nothing.
    @Test func anEmptyPageIsSeenAsBlank() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-blank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: page)
        let png = directory.appendingPathComponent("blank.png")
        _ = try Self.screenshot(page: page, to: png, width: 400, height: 400)
        let image = try PNGImage(data: try #require(FileManager.default.contents(atPath: png.path)))
        let (shares, colors) = image.ink(strips: 4)
        #expect(shares == [0, 0, 0, 0])
        #expect(colors == 1)
    }
}
