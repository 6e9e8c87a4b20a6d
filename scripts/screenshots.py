"""Regenerate the README screenshots from the real window: `make screenshots`.

Runs Consent Desk on a throw-away database filled with the demo agency and grabs the roster,
the artist form, the import preview and the Scripts view (an English and a Chinese script
with AI use) into docs/screenshots/. Before writing anything it
checks that Chinese names render as glyphs, not as empty boxes ("tofu"), with the bundled font.
Works on the offscreen platform (no display needed); under xvfb-run it works the same.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

if TYPE_CHECKING:
    from models.storage.database import Database
    from ui.main_window import MainWindow

SAMPLE_IMPORT = (
    "native_name,romanized_name,stage_name,date_of_birth,jurisdiction,union,ai_stance,notes\n"
    "张伟,,小张,1990-05-31,CN,,declined,Refuses digital doubles\n"
    "李娜,Li Na,,1992-02-02,CN,,open_to_discuss,\n"
    "王芳,,芳芳,2011-07-07,CN,,not_asked,Minor: guardian signs\n"
    "Grace Lee,,,1988-12-01,US-NY,SAG-AFTRA,opted_in_with_conditions,Voice only\n"
    "刘洋,,,2031-01-01,CN,,not_asked,\n"
    "陈晨,,,1985-10-10,Singapore,,maybe,\n"
)


# The scripts view needs scripts with AI use in them; the shared samples have none, so these
# two (fictional) scripts are written to the temporary folder and opened like any other file.
SCRIPT_EN = """Title: The Second Take
Credit: Written by
Author: Mei Chen
Draft date: 3 March 2026

INT. SOUND STAGE 4 - DAY

A light stage hums. NORA VANCE (40s), precise and tired, stands in the rig while
technicians calibrate forty cameras.

MILES
We scan you once, and the studio never needs you for pickups again.

NORA
That is exactly what worries me.

[[Legal: confirm the digital replica clause with Nora's agent before the shoot.]]

INT. EDIT SUITE - NIGHT

MILES watches a monitor. NORA's face turns, smiles, speaks - but Nora is not in the room.

NORA (AI VOICE)
I would never say that line.

MILES
The client loved it. Twenty takes, zero overtime.

EXT. STUDIO LOT - NIGHT

Nora walks to her car. Her phone buzzes: a trailer link.

NORA
(reading)
"Featuring a de-aged Nora Vance, as you remember her."

INT. AGENCY OFFICE - DAY

PRIYA SHAH (30s), Nora's agent, scrolls through the contract.

PRIYA
Page nine. They want to train a model on your voice.

NORA
Then page nine goes.

INT. SOUND STAGE 4 - DAY

The rig is dark. A deepfake of Nora loops on a single monitor.

MILES
She signed the scan day. That has to cover it.

PRIYA
It covers the scan day. Nothing else.

EXT. PARKING STRUCTURE - NIGHT

Nora and Priya walk fast. A security guard, DEV, waves them through.

DEV
Saw you in the new spot last night, Ms. Vance. You looked twenty again.

NORA
I wasn't in it.

INT. STUDIO EXECUTIVE OFFICE - DAY

HELEN GRANT (60s), head of production, does not look up from her tablet.

HELEN
Every studio in town uses synthetic voice for trailers. It is a tool.

PRIYA
Then licence it. Ask first, pay for it, and put it in writing.

INT. NORA'S KITCHEN - NIGHT

Nora records a message on her phone, in her own voice.

NORA
This is Nora Vance. If you hear me say anything I did not say, it was not me.

EXT. PREMIERE RED CARPET - NIGHT

Flashbulbs. Nora, in person, stops at the press line.

REPORTER
Is that really you in the film?

NORA
Only the parts I agreed to.
"""

SCRIPT_ZH = """剧名：第二条

1. 内景 摄影棚 日

△ 灯光阵列亮起。林晓站在扫描台中央，四十台相机同时对准她。

周明：扫一次，以后补拍就不用你再来了。

林晓：这正是我担心的。

2. 内景 剪辑室 夜

△ 屏幕上出现林晓的数字替身，正在说一段她从没说过的台词。

林晓（AI配音）：这句台词我不会这样说。

周明：客户很满意，二十条，零加班。

第3场 外景 停车场 夜

△ 林晓收到一条预告片链接：“减龄特效，重现当年的林晓”。

林晓：谁同意的？

4. 内景 经纪公司 日

王静：第九页，他们要用你的声音做声音克隆。

林晓：那第九页删掉。

王静：扫描那天你签了字，但只包括那一天。

5. 外景 停车楼 夜

△ 保安小刘认出了林晓。

小刘：昨晚广告里的您，看着跟二十岁一样。

林晓：那不是我。

6. 内景 制片公司 会议室 日

△ 制片人赵总翻着平板，头也不抬。

赵总：现在哪家不用合成声音做预告？工具而已。

王静：那就先授权，先付费，白纸黑字写清楚。

7. 内景 林晓家 厨房 夜

△ 林晓用自己的声音录了一段话。

林晓：我是林晓。如果你听到我说了我没说过的话，那不是我。

8. 外景 首映红毯 夜

△ 闪光灯此起彼伏。林晓本人停在采访区。

记者：电影里真的是您吗？

林晓：只有我同意的那部分是。
"""


def glyph_image(text: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def check_cjk_renders(font: QFont) -> None:
    """Distinct characters must draw distinct, non-empty shapes; missing glyphs all look alike."""
    samples = ["林", "晓", "静", "한"]
    images = [glyph_image(ch, font) for ch in samples]
    blank = glyph_image(" ", font)
    for ch, image in zip(samples, images, strict=True):
        if image == blank:
            raise SystemExit(f"screenshots: {ch!r} renders as nothing; is the CJK font loaded?")
    for i in range(len(images)):
        for j in range(i + 1, len(images)):
            if images[i] == images[j]:
                raise SystemExit(
                    f"screenshots: {samples[i]!r} and {samples[j]!r} render identically "
                    "(tofu boxes); the bundled CJK font is not being used."
                )


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, name: str) -> Path:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def shoot_scripts(app: QApplication, window: MainWindow, work: Path) -> None:
    """The Scripts view on an English Fountain and a Chinese plain-text script with AI use."""
    from ui.scripts import SCRIPTS_KEY
    from ui.tasks import running_tasks

    view = window.scripts_view
    window.show_view(SCRIPTS_KEY)
    for name, text, picture, steps in (
        ("the-second-take.fountain", SCRIPT_EN, "scripts-en.png", 2),
        ("第二条.txt", SCRIPT_ZH, "scripts-zh.png", 2),
    ):
        path = work / name
        path.write_text(text, encoding="utf-8")
        view.open_file(path)
        while running_tasks() or view.analysis is None or view.analysis.path != path:
            app.processEvents()
        settle(app)
        for _ in range(steps):
            view.next_ai_use()  # an AI use selected, its line current in the text
        view.use_table.setFocus()
        settle(app)
        save(window, picture)


def shoot_chinese(app: QApplication, db: Database, work: Path) -> None:
    """The roster and a consent view in Simplified Chinese (roster-zh.png, consent-zh.png)."""
    from PySide6.QtCore import QThread

    from models.roster.service import RosterService
    from ui.i18n import CHINESE, ENGLISH, install_language
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.tasks import running_tasks

    install_language(app, CHINESE)
    try:
        window = MainWindow(db, Settings.at(work / "settings-zh.ini"))
        window.resize(1200, 720)
        window.show()
        settle(app)
        view = window.roster_view
        lin = RosterService(db).search("林晓")[0]
        row = view.model.row_of(lin.id)
        assert row is not None
        view.table.selectionModel().setCurrentIndex(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.table.setFocus()
        settle(app)
        save(window, "roster-zh.png")
        consent = getattr(getattr(window, "consent_screens", None), "view", None)
        if consent is not None:
            window.resize(1360, 800)
            chen = RosterService(db).search("陈静怡")[0]
            consent.show_artist(chen.id)
            window.show_view("consent")
            matrix = consent.model.matrix
            records = [r for r in matrix.state.records if r.in_force] if matrix else []
            if records:
                consent.select_record(records[0].record_id)
            while running_tasks():  # the evidence re-check; sleep, not spin
                app.processEvents()
                QThread.msleep(10)
            settle(app)
            save(window, "consent-zh.png")
        window.close()
    finally:
        install_language(app, ENGLISH)


# A proposal for the findings view: 星幕视频 asks 林晓 for her face and 陈静怡 for her voice in
# 长夜行; the script also gives 林晓 an AI voice and a digital double (she granted only her
# face), de-ages 陈静怡 and deepfakes 赵一鸣, who declines all AI use.
PROPOSAL_SCRIPT = """Title: 长夜行 第三集

INT. OLD APARTMENT - NIGHT

Shen Yao opens a box of letters. A digital double of Lin Xiao sits by the window.

LIN XIAO (AI VOICE)
You kept them all.

SHEN YAO
Every single one.

EXT. HARBOUR - DAWN

A de-aged CHEN JINGYI walks along the pier.

CHEN JINGYI (AI V.O.)
We were never here.

ZHAO YIMING (DEEPFAKE)
Then who signed for the boat?
"""


def shoot_findings(app: QApplication, window: QWidget, work: Path) -> None:
    """The findings of a checked proposal, BLOCK first, beside the script at the voice line."""
    from datetime import datetime, timedelta
    from decimal import Decimal

    from models.consent.words import Modality, Use
    from models.parties.service import CounterpartyService
    from models.proposals.values import ProposalDraft, RequestedArtist
    from models.roster.service import RosterService
    from ui.proposals import PROPOSALS_KEY
    from ui.proposals.page import FINDINGS_TAB

    view = window.proposals_view  # type: ignore[attr-defined]
    service = view.service
    roster = RosterService(view.ctx.db)

    def artist(native: str) -> int:
        return next(a.id for a in roster.search(native) if a.native_name == native)

    parties = CounterpartyService(view.ctx.db)
    xingmu = next(c for c in parties.counterparties() if c.romanized_name == "Xingmu Video")
    changye = next(p for p in parties.projects(xingmu.id) if p.title_romanized == "Chang Ye Xing")
    today = datetime.now().astimezone().date()  # the desk's day: "answer by" counts from it
    term = (today + timedelta(days=7), today + timedelta(days=400))
    proposal = service.create(
        ProposalDraft(
            counterparty_id=xingmu.id,
            project_id=changye.id,
            received_on=today - timedelta(days=1),
            respond_by=today + timedelta(days=2),
            contact="张伟 Zhang Wei, 星幕视频制片部",
            description="Episode 3 of 长夜行: the letters scene and the harbour flashback.",
            artists=(
                RequestedArtist(
                    artist("林晓"), (Modality.FACE_LIKENESS,), (Use.THIS_PRODUCTION,),
                    ("streaming",), ("CN",), *term, Decimal(150000), "CNY", ("沈瑶",),
                ),
                RequestedArtist(
                    artist("陈静怡"), (Modality.VOICE,), (Use.THIS_PRODUCTION,),
                    ("streaming",), ("CN",), *term, Decimal(90000), "CNY",
                ),
            ),
        )
    )  # fmt: skip
    path = work / "changye-ep3.fountain"
    path.write_text(PROPOSAL_SCRIPT, encoding="utf-8")
    script = service.attach_script(proposal.id, path)
    service.confirm_suggestions(script.id)
    service.map_character(script.id, "ZHAO YIMING", artist("赵一鸣"))
    service.map_character(script.id, "SHEN YAO", None)
    service.run_check(proposal.id)

    window.show_view(PROPOSALS_KEY)  # type: ignore[attr-defined]
    view.refresh()
    view.open_proposal(proposal.id, FINDINGS_TAB)
    panel = view.page.findings
    settle(app)
    voice = next(
        row
        for row in range(panel.model.rowCount())
        if (f := panel.model.finding(row)) is not None
        and f.finding.rule_id == "R3"
        and f.finding.line == PROPOSAL_SCRIPT.splitlines().index("LIN XIAO (AI VOICE)") + 1
    )
    panel.table.selectRow(voice)
    panel.jump_to_current()
    panel.table.setFocus()
    window.statusBar().clearMessage()  # type: ignore[attr-defined]
    settle(app)
    save(window, "findings.png")


LEAK_LIST = """星幕视频“AI艺人库”首批名单：
1. 林晓（主演）
2. 陈静宜
3. 王子軒
4. 阿鸣
5. liuyutong
6. 孙浩然、Zhou Mubia、Kiki Wu
郑凯文; He Xiaotong
Rainy Huang
杨若曦
Emma Hart
Marcus Reid
张伟（导演）
"""


def shoot_leak_day(app: QApplication, window: MainWindow, db: Database, work: Path) -> None:
    """Leak day with a pasted list (leak-day.png), then the register after issuing
    (statements.png): one statement out of date after a consent was revoked."""
    from datetime import timedelta

    from PySide6.QtWidgets import QComboBox

    from models.agency import AgencyProfile, AgencyService
    from models.clock import utc_now
    from models.consent.service import ConsentService
    from models.consent.words import ConsentStatus
    from models.identity import SigningIdentityService
    from models.leak.listings import ListingService
    from models.roster.service import RosterService
    from reports.leak_statements import issue_leak_statements
    from reports.statements.service import StatementService
    from ui.tasks import running_tasks

    def wait() -> None:
        while running_tasks():
            app.processEvents()
        settle(app)

    passphrase = "screenshot passphrase"
    identities = SigningIdentityService(db)
    if not identities.exists():
        identities.create("Starlight Talent", passphrase, "星光经纪")
    AgencyService(db).save(
        AgencyProfile("Starlight Talent", "星光经纪", "12 Film Road, Beijing", "北京市电影路12号")
    )
    window.resize(1360, 760)
    view = window.leak_view
    window.show_view("leak")
    view.platform_edit.setText("星幕视频 AI 艺人库")
    view.source_edit.setText("https://news.example/ai-artists")
    view.set_list_text(LEAK_LIST)
    wait()
    view.table.setFocus()
    view.table.edit(view.model.index(1, 3))  # the ambiguous entry: its candidates to pick from
    settle(app)
    for combo in view.table.findChildren(QComboBox, "candidateCombo"):
        combo.setCurrentIndex(1)  # about to pick the best candidate
    settle(app)
    save(window, "leak-day.png")
    view.table.setFocus()

    # Issue the statements (the same services the view's "Issue statements…" runs).
    folder = work / "statements"
    folder.mkdir(exist_ok=True)
    listing = ListingService(db).save(view.listing_draft())
    ids = list(listing.confirmed_artist_ids)
    service = StatementService(db, identities.unlock(passphrase))
    issue_leak_statements(service, ids, folder, ("en", "zh"), ListingService(db).platforms_for(ids))
    lin = RosterService(db).search("林晓")[0]
    consents = ConsentService(db)
    given = [r for r in consents.records_for_artist(lin.id) if r.status is ConsentStatus.GIVEN]
    if given:
        consents.revoke(
            given[0].id,
            "The artist changed her mind",
            utc_now() - timedelta(minutes=1),
            given[0].row_version,
        )
    statements = window.statements_view
    window.show_view("statements")
    wait()
    statements.table.clearSelection()
    statements.search_edit.setFocus()
    window.statusBar().clearMessage()  # type: ignore[attr-defined]
    settle(app)
    save(window, "statements.png")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="consent-desk-shots-"))
    os.environ.update(
        CONSENT_DESK_HOME=str(work / "data"),
        CONSENT_DESK_LOG_DIR=str(work / "logs"),
        CONSENT_DESK_USER="mei",
        XDG_CONFIG_HOME=str(work / "config"),
    )
    from models.demo import load_demo
    from models.roster.io import preview
    from models.roster.service import RosterService
    from models.storage.database import Database
    from ui.app import install_fonts, make_application
    from ui.main_window import MainWindow
    from ui.roster.dialog import ArtistDialog
    from ui.roster.import_dialog import ImportPreviewDialog
    from ui.settings import Settings

    app = make_application()
    if not install_fonts(app):
        raise SystemExit("screenshots: the bundled CJK font could not be loaded")
    check_cjk_renders(app.font())
    OUT.mkdir(parents=True, exist_ok=True)

    db = Database.open(str(work / "demo.sqlite3"))
    load_demo(db)
    roster = RosterService(db)
    window = MainWindow(db, Settings.at(work / "settings.ini"))
    window.resize(1200, 720)
    window.show()
    settle(app)
    view = window.roster_view
    lin = roster.search("林晓")[0]
    row = view.model.row_of(lin.id)
    assert row is not None
    view.table.selectionModel().setCurrentIndex(
        view.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.table.setFocus()
    settle(app)
    save(window, "roster.png")

    view.search_edit.setText("lin")
    view.refresh(query="lin")
    settle(app)
    save(window, "roster-search.png")
    view.search_edit.clear()
    view.refresh(query="")

    minor = roster.search("王子轩")[0]
    dialog = ArtistDialog(window, minor)
    dialog.show()
    dialog.native_edit.deselect()
    dialog.move(window.geometry().center() - QPoint(dialog.width() // 2, dialog.height() // 2))
    settle(app)
    save(dialog, "artist-dialog.png")
    dialog.close()

    sheet = work / "新签艺人.csv"
    sheet.write_text(SAMPLE_IMPORT, encoding="utf-8")
    preview_dialog = ImportPreviewDialog(preview(sheet), sheet.name, window)
    preview_dialog.show()
    settle(app)
    save(preview_dialog, "import-preview.png")
    preview_dialog.close()

    shoot_scripts(app, window, work)
    shoot_findings(app, window, work)
    shoot_leak_day(app, window, db, work)

    window.close()
    shoot_chinese(app, db, work)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
