/// Colours and text styles for charts, as CSS custom properties with a dark-mode variant.
///
/// Series colours follow Okabe and Ito's colour-blind-safe palette, darkened for white paper and lightened for
/// dark backgrounds. Marks name the property with a fallback (`var(--gen-c0,#0072b2)`), so a chart still has
/// colours where the stylesheet is missing.
public enum ChartTheme {
    /// Series colours on a light background.
    public static let light = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#e69f00", "#555555"]
    /// The same series on a dark background.
    public static let dark = ["#56b4e9", "#ff8c42", "#2ed3a0", "#e89ac7", "#e6c84a", "#9fd4f5", "#ffc04d", "#bbbbbb"]

    /// The number of distinct series colours before they repeat.
    public static var seriesCount: Int { light.count }

    /// The CSS fill/stroke value for series `index`.
    public static func color(_ index: Int) -> String {
        let slot = ((index % light.count) + light.count) % light.count
        return "var(--gen-c\(slot),\(light[slot]))"
    }

    /// Custom properties, their dark variant and chart text styles. Contains no `<` or `&`, so it can be
    /// embedded verbatim in XHTML.
    public static var stylesheet: String {
        let lightVariables = light.enumerated().map { "--gen-c\($0.offset):\($0.element);" }.joined()
        let darkVariables = dark.enumerated().map { "--gen-c\($0.offset):\($0.element);" }.joined()
        return """
        :root{\(lightVariables)--gen-text:#1f2328;--gen-muted:#59636e;--gen-grid:#d8dee4;--gen-axis:#6e7781;--gen-bg:#ffffff;--gen-band-opacity:0.13}
        @media (prefers-color-scheme: dark){:root{\(darkVariables)--gen-text:#e6edf3;--gen-muted:#9198a1;--gen-grid:#30363d;--gen-axis:#7d8590;--gen-bg:#0d1117;--gen-band-opacity:0.2}}
        svg.gen-chart{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:12px;max-width:100%;height:auto}
        svg.gen-chart text{fill:var(--gen-text,#1f2328)}
        svg.gen-chart .axis-label,svg.gen-chart .tick text{fill:var(--gen-muted,#59636e)}
        svg.gen-chart .grid line{stroke:var(--gen-grid,#d8dee4);stroke-width:1}
        svg.gen-chart .axis line,svg.gen-chart .axis path{stroke:var(--gen-axis,#6e7781);stroke-width:1}
        svg.gen-chart .band{fill-opacity:var(--gen-band-opacity,0.13);stroke:none}
        svg.gen-chart rect.bar{stroke:var(--gen-bg,#ffffff);stroke-width:0.75}
        svg.gen-chart .line{fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round}
        svg.gen-chart .chart-title{font-size:14px;font-weight:600}
        """
    }
}
