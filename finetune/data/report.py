"""What loading the training data did: rows read, kept and dropped by reason, images fetched."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from finetune.data.reading import ImageKind
from finetune.data.reasons import DropReason

# What to check when every row was dropped, by where the images come from.
ALL_DROPPED_HINTS: dict[ImageKind, str] = {
    ImageKind.URL: "check that the imageurl values can be downloaded from this machine, "
    "or download the images yourself and add a local_image_path column",
    ImageKind.LOCAL: "check that the local_image_path files exist; relative paths are read from {base}",
    ImageKind.INLINE: "check that the image column holds encoded images",
}


def count_reasons(reasons: list[DropReason | None]) -> dict[str, int]:
    """Dropped rows by reason, most frequent first (ties by name); rows with no reason are not counted."""
    counts = Counter(reason.value for reason in reasons if reason is not None)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def describe_counts(dropped: dict[str, int]) -> str:
    """'30 not_found, 4 timeout'."""
    return ", ".join(f"{count} {reason}" for reason, count in dropped.items())


@dataclass(frozen=True)
class DataReport:
    """Counts from one `load_training_data` call; `as_dict()` is JSON-ready."""

    source: str
    kind: str  # inline, local or url: where the images came from
    splits_used: tuple[str, ...]  # source splits read ("all" for real DBQ sources)
    splits_held_out: tuple[str, ...]  # source splits left for evaluation (samplegen's test)
    rows_read: int  # rows in the used splits, after the country filter
    rows_used: int  # after the limit
    rows_kept: int  # with a usable image
    train_rows: int
    validation_rows: int
    images_downloaded: int  # distinct URLs fetched this time
    images_from_cache: int  # distinct URLs already in the cache
    dropped: dict[str, int] = field(default_factory=dict)  # rows by drop reason
    held_out_rows: int = 0  # rows of the held-out splits read for evaluation (load_held_out_data)

    def as_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        """One line for logs."""
        dropped = f" (dropped: {describe_counts(self.dropped)})" if self.dropped else " (none dropped)"
        if self.held_out_rows:
            sides = f"{self.held_out_rows} held out ({', '.join(self.splits_used)} split)"
        else:
            sides = f"{self.train_rows} train, {self.validation_rows} validation"
        return (
            f"{self.source}: {self.rows_kept} of {self.rows_used} rows kept{dropped}; {sides}; "
            f"images: {self.kind}, {self.images_downloaded} downloaded, {self.images_from_cache} from cache"
        )
