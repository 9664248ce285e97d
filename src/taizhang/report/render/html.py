"""Report → standalone HTML preview (inline CSS, no external resources).

Every figure is `<span class="figure" data-figure-id=… data-indicator=…>` and the
provenance list is embedded as JSON (`<script type="application/json"
id="provenance">`), so a later web page can show a figure's records on click.
"""

from __future__ import annotations

import json
from html import escape

from taizhang.report.model import Figure, Paragraph, Pending, Report, cell_text, format_date
from taizhang.report.sources import provenance_data
from taizhang.report.walk import figure_source_note, iter_pending, iter_sections

CSS = """
body{background:#eee;margin:0;font-family:"仿宋_GB2312","仿宋","FangSong","Noto Serif CJK SC",serif}
.page{background:#fff;width:156mm;margin:1em auto;padding:37mm 26mm 35mm 28mm;font-size:16pt;line-height:28.95pt}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;font-size:22pt;font-weight:normal;text-align:center;
  margin:0 0 28.95pt;line-height:28.95pt}
h2,h3,h4,h5,p{margin:0;font-size:16pt;font-weight:normal;text-indent:2em;text-align:justify}
h2{font-family:"黑体","Noto Sans CJK SC",sans-serif}
h3,.l2{font-family:"楷体_GB2312","楷体","KaiTi","AR PL KaitiM GB",serif}
.sig{text-align:right;padding-right:2em;text-indent:0}
.figure{border-bottom:1px dashed #b00;cursor:pointer}
.pending{background:#ff0}
table{border-collapse:collapse;width:100%;font-size:12pt;line-height:1.4}
td,th{border:1px solid #000;padding:2pt 4pt;text-align:center}
.appendix{margin-top:2em}
.todo{font-size:12pt;color:#900}
#source{position:fixed;right:1em;bottom:1em;max-width:28em;max-height:60vh;overflow:auto;background:#fffbe6;
  border:1px solid #b00;padding:.5em 1em;font:12pt/1.5 sans-serif;display:none}
"""

# Click a figure: show its source and records (text only, from the embedded JSON).
SCRIPT = """
(function(){
  var data=JSON.parse(document.getElementById('provenance').textContent);
  var byId={};data.figures.forEach(function(f){byId[f.figure_id]=f;});
  var box=document.getElementById('source');
  function line(text){var d=document.createElement('div');d.textContent=text;box.appendChild(d);}
  document.addEventListener('click',function(e){
    var el=e.target.closest('.figure');box.textContent='';
    if(!el){box.style.display='none';return;}
    var f=byId[el.dataset.figureId],s=f&&f.source&&data.sources[f.source];
    line('数字：'+f.text+'　所在句子：'+f.sentence);
    if(s){line('指标：'+(s.indicator_name||s.indicator)+'　期间：'+s.period.start+'至'+s.period.end);
      line('单位范围：'+s.scope+'　台账记录共'+s.record_count+'条');
      s.records.slice(0,50).forEach(function(r){line('· '+r.id+' '+r.title);});}
    else{line('来源：未标注');}
    box.style.display='block';
  });
})();
"""


def _span(report: Report, span) -> str:
    if isinstance(span, Figure):
        prov = report.resolve(span)
        attrs = f'class="figure" data-figure-id="{escape(span.id)}"'
        if prov is not None:
            attrs += f' data-indicator="{escape(prov.indicator)}"'
        return f'<span {attrs} title="{escape(figure_source_note(prov))}">{escape(span.text)}</span>'
    if isinstance(span, Pending):
        return f'<span class="pending">{escape(span.text)}</span>'
    return escape(span.text)


def _p(report: Report, p: Paragraph, lead: str = "", lead_class: str = "") -> str:
    head = f'<span class="{lead_class}">{escape(lead)}</span>' if lead else ""
    return f"<p>{head}{''.join(_span(report, s) for s in p.spans)}</p>"


def _table(report: Report, number: int, table) -> list[str]:
    out = [f'<section class="appendix"><h2>附件{number}</h2><h1>{escape(table.title)}</h1><table>']
    out.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.header) + "</tr>")
    for row in table.rows:
        cells = [_span(report, c) if isinstance(c, (Figure, Pending)) else escape(cell_text(c)) for c in row]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    if table.note:
        out.append(f"<p>{escape(table.note)}</p>")
    return out + ["</section>"]


def _body(report: Report) -> list[str]:
    out = [f"<h1>{escape(report.title)}</h1>"]
    out += [_p(report, p) for p in report.opening]
    for ref in iter_sections(report.sections):
        sec = ref.section
        level = min(max(sec.level, 1), 4)
        heading = ref.marker + sec.title
        body = list(sec.paragraphs)
        if sec.run_in:
            out.append(_p(report, body.pop(0) if body else Paragraph(), heading, f"l{level}"))
        else:
            out.append(f'<h{level + 1} class="l{level}">{escape(heading)}</h{level + 1}>')
        out += [_p(report, p) for p in body]
    out += [_p(report, p) for p in report.closing]
    if report.signature_unit or report.date:
        out.append('<p class="sig">&nbsp;</p>')
    if report.signature_unit:
        out.append(f'<p class="sig">{escape(report.signature_unit)}</p>')
    if report.date:
        out.append(f'<p class="sig">{format_date(report.date)}</p>')
    return out


def _json_for_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(report: Report) -> str:
    """A standalone HTML page previewing the report."""
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(report.title)}</title><style>{CSS}</style></head><body>",
             '<article class="page">', *_body(report)]
    for i, table in enumerate(report.appendices, 1):
        parts += _table(report, i, table)
    pending = list(iter_pending(report))
    if pending:
        parts.append('<section class="todo"><h2>待补清单</h2><ul>')
        parts += [f"<li>{escape(p.text)}{escape('（' + p.note + '）') if p.note else ''}</li>" for p in pending]
        parts.append("</ul></section>")
    parts.append("</article>")
    parts.append('<aside id="source"></aside>')
    parts.append(f'<script type="application/json" id="provenance">{_json_for_script(provenance_data(report))}'
                 "</script>")
    parts.append(f"<script>{SCRIPT}</script>")
    parts.append("</body></html>")
    return "\n".join(parts)
