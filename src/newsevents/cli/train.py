"""``newsevents train``: a sentence classifier from the user's labelled sentences."""

from __future__ import annotations

from pathlib import Path

import click

from newsevents.classifier import save_model
from newsevents.config import resolve_settings
from newsevents.errors import ClassifierError
from newsevents.nlp import load_nlp
from newsevents.training import read_labelled, train_on


@click.command("train")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="The model file."
)
@click.option("--model", default=None, help="spaCy model name (default en_core_web_sm).")
@click.option("--name", default=None, help="The classifier's name (default: the file's stem).")
def train_command(input_path: Path, output: Path, model: str | None, name: str | None) -> None:
    """Train the sentence classifier on JSON Lines of {"text": ..., "label": ...}.

    A label is a PentaClass 0-4, "none" (no event) or a CAMEO code. Use the model with
    `--classifier OUTPUT` (or the `classifier` setting).
    """
    labelled, errors = read_labelled(input_path)
    for error in errors:
        click.echo(f"error: {error.describe()} (skipped)", err=True)
    if not labelled:
        raise ClassifierError(
            "no usable training line", where=str(input_path), fix="see the errors above"
        )
    settings = resolve_settings(flags={"model": model})
    name = name or output.name.split(".")[0]  # "mine.json.gz" is the classifier "mine"
    trained = train_on(labelled, nlp=load_nlp(settings.model), name=name)
    save_model(trained, output)
    click.echo(
        f"trained {trained.name} on {len(labelled)} sentence(s) ({len(errors)} skipped), "
        f"labels {', '.join(trained.labels)}, {len(trained.vocabulary)} features -> {output}"
    )
