"""材料体检 page: upload → escaped text with highlighted findings → filters → fixed copy."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from web_helpers import csrf

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "text" / "samples"


def upload(client, name: str, content: bytes):
    return client.post("/check", data={"csrf_token": csrf(client)},
                       files={"file": (name, content, "application/octet-stream")})


def seed(number: str) -> Path:
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not found:
        pytest.fail(f"seed {number} missing under {SEEDS}")
    return found[0]


def test_seed_findings_are_highlighted_and_listed(shared_site):
    client = shared_site.client("town_reader")
    page = client.get("/check").text
    assert 'for="check-file">上传材料' in page and ">体检<" in page
    path = seed("001")
    response = upload(client, path.name, path.read_bytes())
    assert response.status_code == 200 and response.url.path.startswith("/check/")
    marks = re.findall(r'<mark class="finding sev-(\w+)" data-family="(\w+)" data-severity="(\w+)"', response.text)
    families = {family for _, family, _ in marks}
    assert {"placeholder", "noise"} <= families
    assert all(sev == sev2 for sev, _, sev2 in marks)
    items = re.findall(r'<li data-family="(\w+)" data-severity="(\w+)">', response.text)
    assert len(marks) > 5 and len(items) > 5
    assert all(f'id="m{i}"' in response.text for i in range(len(items)))  # every listed finding has its place
    for label in ("问题类别", "级别", "下载修正稿"):
        assert label in response.text


def test_document_text_is_escaped(shared_site):
    client = shared_site.client("town_reader")
    text = "关于XX镇的工作总结\n<script>alert('x')</script>今年开展宣讲**场。\n<img src=x onerror=alert(1)>\n"
    response = upload(client, "总结.txt", text.encode("utf-8"))
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in response.text
    assert 'data-family="placeholder"' in response.text


def test_fixed_copy_downloads_as_attachment(shared_site):
    client = shared_site.client("town_reader")
    text = "我镇深人开展宣讲活动，截止目前共开展宣讲12场。\n"
    response = upload(client, "总结.txt", text.encode("utf-8"))
    fixed = client.get(response.url.path + "/fixed")
    assert fixed.status_code == 200 and fixed.headers["content-disposition"].startswith("attachment")
    body = fixed.content.decode("utf-8")
    assert "深入" in body and "深人" not in body and "12场" in body
    other = shared_site.client("town_filler")  # another account cannot fetch someone's upload
    assert other.get(response.url.path + "/fixed").status_code == 404
    assert other.get(response.url.path).status_code == 404


def test_docx_upload_and_fixed_docx(shared_site, tmp_path):
    document = docx.Document()
    document.add_paragraph("关于城关镇2025年宣传工作的总结")
    document.add_paragraph("我镇深人学习贯彻会议精神，开展宣讲XX场。")
    path = tmp_path / "总结.docx"
    document.save(path)
    client = shared_site.client("town_reader")
    response = upload(client, "总结.docx", path.read_bytes())
    assert response.status_code == 200 and 'data-family="placeholder"' in response.text
    fixed = client.get(response.url.path + "/fixed")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(fixed.content)).paragraphs)
    assert "深入学习" in text and "XX场" in text  # placeholders are never changed automatically


@pytest.mark.parametrize("sample, status", [("bad_truncated.docx", 422), ("bad_garbage.txt", 422),
                                            ("bad_encrypted.pdf", 422), ("bad_unknown.xyz", 415)])
def test_broken_or_unsupported_uploads_get_a_chinese_error(shared_site, sample, status):
    client = shared_site.client("town_reader")
    path = SAMPLES / sample
    response = upload(client, sample, path.read_bytes())
    assert response.status_code == status
    assert 'role="alert"' in response.text
    message = response.text.split('role="alert"')[1][:300]
    assert re.search(r"[\u4e00-\u9fff]{4}", message)
    assert "/tmp" not in response.text and "upload." not in response.text  # no server paths
    if status == 422:
        assert sample in message  # names the user's file
