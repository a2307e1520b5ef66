package dev.bulwark.report;

/** The inline stylesheet and script of the HTML report: fixed text, no scanned data. */
final class HtmlAssets {
  private HtmlAssets() {}

  static final String STYLE = """
      <style>
      body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 40px;color:#222}
      header{border-bottom:1px solid #ddd;padding:12px 0}
      h1{margin:.2em 0}h2{margin-top:1.6em;border-bottom:1px solid #eee}
      code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
      .meta{color:#555}
      .verdict{display:inline-block;font-weight:700;padding:6px 14px;border-radius:4px;color:#fff}
      .v-pass{background:#2e7d32}.v-warn{background:#ef6c00}.v-fail{background:#c62828}
      .cards{display:flex;gap:10px;flex-wrap:wrap}
      .card{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:80px;text-align:center}
      .card b{display:block;font-size:22px}
      .charts{display:flex;gap:30px;flex-wrap:wrap;margin-top:12px}
      figure{margin:0}figcaption{font-weight:600;margin-bottom:4px}
      .badge{display:inline-block;min-width:56px;text-align:center;color:#fff;border-radius:3px;padding:0 4px;font-size:12px}
      .badge.sev-critical{background:#7b1fa2}.badge.sev-high{background:#c62828}.badge.sev-medium{background:#ef6c00}
      .badge.sev-low{background:#f9a825;color:#222}.badge.sev-info{background:#607d8b}
      .tag{font-size:11px;border:1px solid #999;border-radius:3px;padding:0 3px;color:#555}
      .tag.gate{border-color:#c62828;color:#c62828}
      details.finding{border:1px solid #e3e3e3;border-radius:4px;margin:4px 0;padding:4px 8px}
      details.finding.suppressed{opacity:.65}
      summary{cursor:pointer}.where{color:#666;font-size:12px}
      dl{display:grid;grid-template-columns:120px 1fr;gap:4px 12px}dt{font-weight:600;color:#444}dd{margin:0}
      .pre{white-space:pre-wrap;margin:0}
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
      table.sortable th{cursor:pointer;background:#fafafa}
      table.kv{width:auto}
      tr.st-failed td{background:#ffebee}tr.st-skipped td{color:#777}
      .filters{margin:8px 0}input[type=search]{padding:4px 8px;width:320px}
      footer{margin-top:30px;color:#777;font-size:12px}
      </style>
      """;

  static final String SCRIPT = """
      <script>
      (function () {
        function filterRows(input, rows, counter) {
          var q = input.value.toLowerCase();
          var shown = 0;
          for (var i = 0; i < rows.length; i++) {
            var hit = rows[i].textContent.toLowerCase().indexOf(q) >= 0;
            rows[i].style.display = hit ? '' : 'none';
            if (hit) { shown++; }
          }
          if (counter) { counter.textContent = shown + ' of ' + rows.length; }
        }
        var cf = document.getElementById('component-filter');
        var crow = document.querySelectorAll('#component-table tbody tr');
        var count = document.getElementById('component-count');
        cf.addEventListener('input', function () { filterRows(cf, crow, count); });
        var ff = document.getElementById('finding-filter');
        var sf = document.getElementById('severity-filter');
        var frows = document.querySelectorAll('details.finding');
        function filterFindings() {
          var q = ff.value.toLowerCase();
          var max = parseInt(sf.value, 10);
          for (var i = 0; i < frows.length; i++) {
            var ok = parseInt(frows[i].getAttribute('data-rank'), 10) <= max
                && frows[i].textContent.toLowerCase().indexOf(q) >= 0;
            frows[i].style.display = ok ? '' : 'none';
          }
        }
        ff.addEventListener('input', filterFindings);
        sf.addEventListener('change', filterFindings);
        var tables = document.querySelectorAll('table.sortable');
        for (var t = 0; t < tables.length; t++) {
          (function (table) {
            var heads = table.querySelectorAll('thead th');
            for (var h = 0; h < heads.length; h++) {
              (function (col, th) {
                var asc = true;
                th.addEventListener('click', function () {
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[col].textContent, y = b.cells[col].textContent;
                    var nx = parseFloat(x), ny = parseFloat(y);
                    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                    return asc ? c : -c;
                  });
                  asc = !asc;
                  for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
                });
              })(h, heads[h]);
            }
          })(tables[t]);
        }
      })();
      </script>
      """;
}
