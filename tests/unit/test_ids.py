from __future__ import annotations

from newsevents.ids import ID_LENGTH, content_hash, record_id


def test_content_hash_is_stable_and_short() -> None:
    assert content_hash("Talks resumed.") == content_hash("Talks resumed.")
    assert len(content_hash("Talks resumed.")) == ID_LENGTH


def test_content_hash_ignores_outer_whitespace_and_normal_form() -> None:
    assert content_hash("  Caf\u00e9 talks\n") == content_hash("Cafe\u0301 talks")


def test_content_hash_differs_for_different_texts() -> None:
    assert content_hash("Talks resumed.") != content_hash("Talks collapsed.")


def test_record_id_distinguishes_none_from_empty_position() -> None:
    assert record_id("a", None, "b") == record_id("a", "", "b")
    assert record_id("a", "b") != record_id("ab")
