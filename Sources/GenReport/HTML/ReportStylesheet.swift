import GenCharts

/// The page's CSS: light and dark themes from `prefers-color-scheme`, a print layout, and the chart theme.
/// It contains no `<` or `&`, so it is embedded verbatim and the page stays well-formed XML.
enum ReportStylesheet {
    static var css: String {
        ChartTheme.stylesheet + "\n" + page
    }

    static let page = """
    *{box-sizing:border-box}
    html{color-scheme:light dark}
    body{margin:0;background:var(--gen-bg);color:var(--gen-text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
    main{max-width:1240px;margin:0 auto;padding:28px 32px 48px}
    header{border-bottom:1px solid var(--gen-grid);padding-bottom:14px;margin-bottom:20px}
    .kicker{margin:0;color:var(--gen-muted);text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:600}
    h1{margin:2px 0 4px;font-size:30px;line-height:1.2}
    h2{font-size:21px;margin:36px 0 6px;padding-top:10px;border-top:1px solid var(--gen-grid)}
    h3{font-size:15px;margin:18px 0 8px}
    .subtitle,.intro,figcaption,.note{color:var(--gen-muted)}
    .intro{margin:0 0 12px;max-width:80ch}
    code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
    code.hash{word-break:break-all}
    .status{font-weight:600;padding:1px 8px;border-radius:10px;border:1px solid var(--gen-grid)}
    .status-completed{color:var(--gen-c2)}
    .status-failed{color:var(--gen-c1)}
    .status-stopped,.status-running{color:var(--gen-c4)}
    .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:18px 0}
    .stat{border:1px solid var(--gen-grid);border-radius:8px;padding:12px 14px}
    .stat-value{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.2}
    .stat-label{font-weight:600}
    .stat-detail{color:var(--gen-muted);font-size:13px}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:12px 0}
    dl.facts dt{color:var(--gen-muted)}
    dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
    ul.plain{list-style:none;margin:0;padding:0}
    ul.findings{margin:8px 0;padding-left:20px;max-width:100ch}
    ul.findings li{margin:4px 0}
    li.finding-warning::marker{color:var(--gen-c1)}
    .finding-tone{font-weight:600}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:18px}
    figure.chart{margin:0;border:1px solid var(--gen-grid);border-radius:8px;padding:10px 12px;break-inside:avoid;page-break-inside:avoid}
    figure.chart.wide{grid-column:1/-1}
    figure.chart svg{display:block;width:100%;height:auto}
    figure.chart figcaption{font-size:13px;margin-top:4px}
    figure.missing h3{margin:4px 0}
    .table-wrap{overflow-x:auto;margin:8px 0 14px}
    table{border-collapse:collapse;width:100%;font-size:14px}
    caption{text-align:left;color:var(--gen-muted);padding-bottom:4px}
    th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--gen-grid);vertical-align:top}
    th{font-weight:600;white-space:nowrap}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .arm{white-space:nowrap}
    .swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;vertical-align:-1px}
    .sample{display:block;max-width:70ch;overflow-wrap:anywhere}
    footer{margin-top:40px;color:var(--gen-muted);font-size:13px;border-top:1px solid var(--gen-grid);padding-top:10px}
    @media print{
    body{background:#fff;color:#000;font-size:11pt}
    main{max-width:none;padding:0}
    .charts{grid-template-columns:1fr 1fr}
    h2{break-after:avoid}
    tr{break-inside:avoid}
    }
    """
}
