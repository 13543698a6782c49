"""The session 8 transcript replay widget, driven as a trainee would: read, write, compare,
play on, export."""

import os
import stat

import ipywidgets as w

from actionlearning.practice.replay import load_transcripts, parse_transcripts
from actionlearning.widgets import TranscriptReplay
from actionlearning.widgets.common import STATIC_NOTE


def test_first_screen_is_useful_without_python():
    widget = TranscriptReplay()
    first = load_transcripts()[0]
    note = widget.children[0].value
    assert note.startswith(STATIC_NOTE.replace("</div>", "")) and "Practise live" in note
    assert "first part of the first transcript" in note
    assert first.situation.split()[0] in widget.scene.value and "Who is in the set" in widget.scene.value
    # played to the first pause, with the prompts showing and the notes box ready
    assert widget.replay.pause.number == 1
    assert first.lines[0].says.split(",")[0] in widget.segment.value
    assert "Pause 1 of 5" in widget.pause_view.value and "What might you do, or not do?" in widget.pause_view.value
    assert widget.notes.value == "" and not widget.notes.disabled
    assert widget.comparison.value == "" and widget.earlier.value == ""
    # the experienced facilitator's note is not shown before Compare
    html = "".join(getattr(c, "value", "") for c in widget.children if isinstance(c, w.HTML))
    assert first.pauses[0].note[:40] not in html


def test_write_compare_play_on_to_the_end_and_export():
    widget = TranscriptReplay()
    first = load_transcripts()[0]
    widget.notes.value = "Two suggestions already; nobody picked up 'undone'."
    widget.compare_button.click()
    assert "Your notes" in widget.comparison.value and "nobody picked up" in widget.comparison.value
    assert first.pauses[0].moment in widget.comparison.value
    assert first.pauses[0].note[:30] in widget.comparison.value
    widget.play_button.click()
    assert widget.replay.pause.number == 2 and widget.notes.value == "" and widget.comparison.value == ""
    assert "Earlier in the slot" in widget.earlier.value and "Pause 1:" in widget.earlier.value
    assert widget.replay.notes[1].startswith("Two suggestions")
    widget.notes.value = "A silence that belongs to Claire."
    widget.play_button.click()  # playing on keeps the notes, uncompared
    assert widget.replay.notes[2] == "A silence that belongs to Claire." and 2 not in widget.replay.compared
    for _ in range(3):
        assert widget.play_button.description in ("Play to next pause", "Play to the end")
        widget.play_button.click()
    assert widget.replay.finished and "The end of the slot." in widget.pause_view.value
    assert widget.play_button.disabled and widget.compare_button.disabled and widget.notes.disabled
    assert widget.compare() is None
    widget.play()  # nothing more to play; nothing breaks
    widget.export_button.click()
    assert widget.export.layout.display is None and widget.save_button.layout.display is None
    text = widget.export.value
    assert "## Pause 1 of 5" in text and "## Pause 5 of 5" in text and first.pauses[0].note[:30] in text
    assert "A silence that belongs to Claire." in text and "Not compared yet" in text


def test_compare_with_no_notes_says_so_kindly():
    widget = TranscriptReplay()
    comp = widget.compare()
    assert comp is not None and not comp.wrote_notes
    assert "You wrote nothing at this pause" in widget.comparison.value


def test_returning_to_a_compared_pause_shows_it_again():
    widget = TranscriptReplay()
    widget.notes.value = "mine"
    widget.compare()
    widget.choose.value = load_transcripts()[1].id
    widget.choose.value = load_transcripts()[0].id
    assert widget.notes.value == "mine" and "Your notes" in widget.comparison.value


def test_switching_transcripts_keeps_each_ones_notes():
    widget = TranscriptReplay()
    transcripts = load_transcripts()
    widget.notes.value = "notes on Claire"
    widget.choose.value = transcripts[1].id
    assert widget.replay.transcript is transcripts[1] and widget.replay.pause.number == 1
    assert widget.notes.value == "" and transcripts[1].situation.split()[0] in widget.scene.value
    widget.notes.value = "notes on Marcus"
    widget.play()
    widget.choose.value = transcripts[0].id
    assert widget.notes.value == "notes on Claire" and widget.replay.pause.number == 1
    widget.choose.value = transcripts[1].id
    assert widget.replay.pause.number == 2 and widget.replay.notes[1] == "notes on Marcus"


def test_start_again_clears_this_transcript_only():
    widget = TranscriptReplay()
    widget.notes.value = "first"
    widget.play()
    widget.export_notes()
    widget.restart_button.click()
    assert widget.replay.pause.number == 1 and widget.replay.notes == {} and widget.notes.value == ""
    assert widget.export.layout.display == "none" and widget.export.value == ""


def test_save_writes_a_file_only_its_owner_can_read(tmp_path):
    widget = TranscriptReplay(folder=tmp_path / "notes")
    widget.notes.value = "private notes"
    path = widget.save()
    assert path == tmp_path / "notes" / f"replay-notes-{load_transcripts()[0].id}.md"
    assert "private notes" in path.read_text("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "readable by you only" in widget.status.value


def test_save_reports_a_folder_it_cannot_use(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    widget = TranscriptReplay(folder=blocker)
    assert widget.save() is None
    assert "Could not save" in widget.status.value and "Copy the Markdown below" in widget.status.value
    assert "Transcript replay" in widget.export.value


def test_keyboard_usable_controls():
    widget = TranscriptReplay()
    assert isinstance(widget.choose, w.Dropdown) and isinstance(widget.notes, w.Textarea)
    for button in (widget.compare_button, widget.play_button, widget.restart_button, widget.export_button):
        assert isinstance(button, w.Button) and button.description
    assert widget.notes.placeholder == "What do you notice? What might you do, or not do?"
    assert "Keyboard" in widget.children[1].value


def test_text_is_escaped():
    script = []
    for n in range(4):
        script += [
            {"Ed": "<b>bold</b> question?"},
            {"do": "<script>x</script>"},
            {"pause": {"at": "<i>now</i>", "moment": "<u>m</u>", "note": "<em>note</em>"}},
        ]
    script.append({"Ed": "end"})
    raw = {
        "id": "x", "title": "T", "set": "<s>set</s>", "situation": "S", "facilitator": "Ed",
        "people": [{"name": "Ed", "role": "<b>role</b>"}], "script": script,
    }
    widget = TranscriptReplay(parse_transcripts({"replays": [raw]}))
    widget.notes.value = "<img src=x>"
    widget.compare()
    html = widget.scene.value + widget.segment.value + widget.pause_view.value + widget.comparison.value
    for tag in ("<b>bold", "<b>role", "<script>", "<i>now", "<u>m", "<em>note", "<img", "<s>set"):
        assert tag not in html
    assert "&lt;b&gt;bold" in html
