/// The inline style sheets and scripts of the review pages. They are part of each page, so a
/// page works from a mail attachment or a folder without a server.
///
/// The scripts avoid `<` and `&` so the pages stay well-formed XML even outside their CDATA
/// sections, and they never read document text: they only move focus, sort rows and toggle
/// classes.
enum ReviewAssets {
  /// System fonts only: Noto Sans CJK SC on Debian, PingFang or YaHei elsewhere.
  static let fonts = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", sans-serif"

  static let pageStyle = """
    :root { color-scheme: light; }
    body { margin: 0; font: 14px/1.55 \(fonts); color: #1b1b1b; background: #fff; }
    a { color: #0b4f9c; }
    header.top { padding: 10px 16px 6px; border-bottom: 2px solid #888; background: #f7f7f4; }
    h1 { font-size: 19px; margin: 0 0 2px; }
    h2 { font-size: 15px; margin: 8px 0 4px; }
    .nav { margin: 0 0 4px; }
    .facts { margin: 0; color: #3c3c3c; }
    .warnings ul { margin: 0 0 4px; color: #7a4a00; }
    #doubt-list { margin: 0; padding-left: 2.2em; max-height: 13em; overflow: auto; border: 1px solid #ccc; background: #fff; }
    #doubt-list li { padding: 1px 0; }
    #doubt-list .detail { color: #555; }
    .keys { color: #333; margin: 6px 0; }
    kbd { border: 1px solid #888; border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font: 12px monospace; background: #fff; }
    .controls { margin: 4px 0; }
    .controls label { margin-right: 1.5em; }
    .legend ul { margin: 4px 0; padding-left: 1.4em; }
    .legend li { margin: 3px 0; }
    table.align { border-collapse: collapse; width: 100%; table-layout: fixed; }
    col.c-ln { width: 3.6em; }
    col.c-src { width: 30%; }
    col.c-marks { width: 17em; }
    thead th { position: sticky; top: 0; z-index: 5; background: #e9e9e4; text-align: left; padding: 4px 6px; border-bottom: 2px solid #888; font-size: 13px; }
    tbody th, tbody td { vertical-align: top; padding: 1px 6px; border-bottom: 1px solid #ececec; }
    th.ln { text-align: right; font-weight: normal; font-variant-numeric: tabular-nums; }
    th.ln a { color: #777; text-decoration: none; }
    tr:target th.ln, tr:target td.src { background: #fff3c4; }
    td.src { white-space: pre-wrap; word-break: break-all; unicode-bidi: isolate; font-size: 15px; }
    td.marks { line-height: 1.3; }
    td.blk { border-left: 3px solid #777; border-right: 1px solid #ddd; background: #fbfbf8; padding: 3px 8px; }
    td.gap { border-left: 3px dotted #bbb; }
    tr.blank td.src { background: #f3f3f3; }
    tr.page th, tr.page td { border-top: 3px double #555; }
    .rm { color: #b3001b; font-weight: bold; background: #fde4e8; border-radius: 2px; }
    .drop { text-decoration: line-through; color: #777; }
    .blankmark { color: #666; font-style: italic; font-size: 12px; }
    .pagemark, .norm { color: #444; font-size: 12px; border: 1px solid #888; border-radius: 3px; padding: 0 3px; }
    .cp { color: #b3001b; border: 1px solid #b3001b; border-radius: 3px; padding: 0 2px; font: 11px monospace; white-space: nowrap; }
    .block { margin: 2px 0 8px; }
    .bh { font-size: 12px; color: #444; margin-bottom: 2px; }
    .bno { font-weight: bold; color: #222; }
    .kind { border: 1px solid #999; border-radius: 8px; padding: 0 5px; }
    .meta { color: #666; }
    .bt { font-size: 16px; line-height: 1.8; unicode-bidi: isolate; }
    .k-heading .bt, .k-header .bt { font-weight: bold; }
    .k-byline .bt, .k-caption .bt { font-style: italic; }
    .seg { border-bottom: 2px solid #9ab; padding: 1px 0; }
    .seg.odd { background: #eaf2fc; }
    .seg.even { background: #eef8ea; border-bottom-style: dotted; }
    .jn { color: #8a8fa3; font-size: 10px; vertical-align: super; margin: 0 1px; }
    .jn.low { color: #b35900; font-weight: bold; font-size: 12px; }
    body.no-joins .jn { display: none; }
    .dec { position: relative; display: inline-block; border: 1px solid; border-radius: 3px; padding: 0 3px; margin: 1px 1px; font-size: 12px; line-height: 1.35; cursor: help; white-space: nowrap; background: #fff; vertical-align: baseline; }
    .dec .sym { margin-right: 2px; font-weight: bold; }
    .dec.removeSpace .sym { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; }
    .dec .cf { margin-left: 4px; color: #555; font-variant-numeric: tabular-nums; }
    .dec.mid { border-style: dotted; }
    .dec.low { border: 2px dashed; font-weight: bold; background: #fff3c4; }
    .dec .warn { margin-left: 2px; }
    .dec.join { color: #114f94; }
    .dec.split { color: #a02c00; }
    .dec.removeSpace { color: #4b4b4b; }
    .dec.dehyphenate { color: #006b6b; }
    .dec.classify { color: #61239a; }
    .dec.sentence { color: #17652b; font-size: 11px; padding: 0 2px; }
    .norm { position: relative; cursor: help; }
    .dec .tip, .norm .tip { display: none; position: absolute; left: 0; top: 100%; z-index: 20; width: 24em; white-space: normal; background: #1d1d1d; color: #fff; padding: 5px 7px; border-radius: 4px; font-size: 12px; font-weight: normal; line-height: 1.4; }
    .dec:hover .tip, .dec:focus .tip, .norm:hover .tip, .norm:focus .tip { display: block; }
    .norm .tip { width: auto; min-width: 14em; white-space: pre-wrap; font-size: 14px; }
    .dec:focus { outline: 3px solid #e07b00; outline-offset: 1px; }
    tr, .dec, .block { scroll-margin-top: 3em; }
    body.only-low td .dec:not(.low) { display: none; }
    @media print { thead th { position: static; } .dec .tip { display: none !important; } }

    """

  static let pageScript = """
    (function () {
      "use strict";
      var body = document.body;
      // In the order of the doubtful list (by source line), which `n` and `p` walk.
      var low = Array.prototype.slice.call(document.querySelectorAll("#doubt-list a"))
        .map(function (link) { return document.getElementById(link.getAttribute("href").slice(1)); })
        .filter(function (target) { return target !== null; });
      var status = document.getElementById("pos");
      var current = -1;
      function show(index) {
        if (low.length === 0) { return; }
        current = (index + low.length) % low.length;
        var target = low[current];
        target.focus();
        target.scrollIntoView({ block: "center" });
        if (status) {
          status.textContent = "Doubtful decision " + (current + 1) + " of " + low.length + ": " + target.getAttribute("title") + " (n next, p previous)";
        }
      }
      function step(delta) {
        var at = low.indexOf(document.activeElement);
        if (at === -1) { at = current; }
        if (at === -1) { show(delta > 0 ? 0 : low.length - 1); } else { show(at + delta); }
      }
      document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) { return; }
        if (event.key === "n" || event.key === "j") { step(1); event.preventDefault(); }
        else if (event.key === "p" || event.key === "k") { step(-1); event.preventDefault(); }
      });
      function focusTarget() {
        var id = decodeURIComponent(location.hash.slice(1));
        var target = id ? document.getElementById(id) : null;
        if (target === null || !target.classList.contains("dec")) { return; }
        current = low.indexOf(target);
        target.focus();
      }
      window.addEventListener("hashchange", focusTarget);
      focusTarget();
      var onlyLow = document.getElementById("only-low");
      if (onlyLow) { onlyLow.addEventListener("change", function () { body.classList.toggle("only-low", onlyLow.checked); }); }
      var joins = document.getElementById("show-joins");
      if (joins) { joins.addEventListener("change", function () { body.classList.toggle("no-joins", !joins.checked); }); }
      body.setAttribute("data-ready", "true");
    })();

    """

  static let indexStyle = """
    :root { color-scheme: light; }
    body { margin: 16px; font: 14px/1.5 \(fonts); color: #1b1b1b; background: #fff; }
    h1 { font-size: 20px; margin: 0 0 4px; }
    .facts { margin: 0 0 10px; color: #3c3c3c; }
    table { border-collapse: collapse; min-width: 60%; }
    th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    thead th { background: #e9e9e4; }
    thead button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
    thead button:focus { outline: 3px solid #e07b00; }
    th[aria-sort="ascending"] button::after { content: " ▲"; }
    th[aria-sort="descending"] button::after { content: " ▼"; }
    tr.failed td { background: #fde4e8; }
    tr.failed .status::before { content: "✗ "; font-weight: bold; }
    tr.ok .status::before { content: "✓ "; }
    td.low-some { font-weight: bold; background: #fff3c4; }
    .error { color: #8a0015; }

    """

  static let indexScript = """
    (function () {
      "use strict";
      var table = document.getElementById("documents");
      var tbody = table.tBodies[0];
      var buttons = Array.prototype.slice.call(table.querySelectorAll("thead button"));
      function value(row, column, numeric) {
        var cell = row.cells[column];
        var text = cell.getAttribute("data-v");
        if (text === null) { text = cell.textContent; }
        return numeric ? parseFloat(text) : text;
      }
      function sort(column, descending) {
        var button = buttons[column];
        var numeric = button.getAttribute("data-type") === "num";
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (a, b) {
          var x = value(a, column, numeric);
          var y = value(b, column, numeric);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return descending ? -order : order;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
        buttons.forEach(function (other, index) {
          other.parentNode.setAttribute("aria-sort", index === column ? (descending ? "descending" : "ascending") : "none");
        });
        table.setAttribute("data-sorted", button.getAttribute("data-key") + (descending ? "-desc" : "-asc"));
      }
      buttons.forEach(function (button, column) {
        button.addEventListener("click", function () {
          sort(column, button.parentNode.getAttribute("aria-sort") === "ascending");
        });
      });
      var match = /^#sort=([a-z]+)(-desc)?$/.exec(location.hash);
      if (match) {
        buttons.forEach(function (button, column) {
          if (button.getAttribute("data-key") === match[1]) { sort(column, Boolean(match[2])); }
        });
      }
      document.body.setAttribute("data-ready", "true");
    })();

    """
}
