"""Why a row's image could not be had: a closed set of drop reasons, each with what it means."""

from __future__ import annotations

from enum import StrEnum


class DropReason(StrEnum):
    """The only reasons a row is dropped; reports count rows by these values."""

    NO_URL = "no_url"
    NO_IMAGE = "no_image"
    MISSING_FILE = "missing_file"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    CONNECTION_ERROR = "connection_error"
    TOO_LARGE = "too_large"
    NOT_AN_IMAGE = "not_an_image"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    DECOMPRESSION_BOMB = "decompression_bomb"


MEANINGS: dict[DropReason, str] = {
    DropReason.NO_URL: "imageurl is empty or not an http(s) URL (e.g. 'N.A.')",
    DropReason.NO_IMAGE: "the image column is empty on this row",
    DropReason.MISSING_FILE: "local_image_path names no readable file",
    DropReason.NOT_FOUND: "the server answered 404 or 410",
    DropReason.FORBIDDEN: "the server answered 401, 403 or 451",
    DropReason.HTTP_ERROR: "another HTTP error, or 5xx/429 still failing after every retry",
    DropReason.TIMEOUT: "no answer within the timeout, after every retry",
    DropReason.CONNECTION_ERROR: "the connection failed or broke off, after every retry",
    DropReason.TOO_LARGE: "the file is larger than max_bytes",
    DropReason.NOT_AN_IMAGE: "Pillow cannot identify the bytes as an image",
    DropReason.TRUNCATED: "the image data ends early",
    DropReason.CORRUPT: "the image data cannot be decoded",
    DropReason.DECOMPRESSION_BOMB: "the declared size exceeds max_pixels (Pillow's decompression-bomb guard)",
}

# Worth another try: the server or the network may recover.
RETRYABLE: frozenset[DropReason] = frozenset({DropReason.HTTP_ERROR, DropReason.TIMEOUT, DropReason.CONNECTION_ERROR})

# HTTP status → reason for answers that carry no image; anything else ≥ 400 is HTTP_ERROR.
STATUS_REASONS: dict[int, DropReason] = {
    401: DropReason.FORBIDDEN,
    403: DropReason.FORBIDDEN,
    404: DropReason.NOT_FOUND,
    410: DropReason.NOT_FOUND,
    451: DropReason.FORBIDDEN,
}

# Statuses retried with backoff (the rest of 4xx are final).
RETRY_STATUSES: frozenset[int] = frozenset({408, 429, *range(500, 600)})
