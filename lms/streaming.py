"""Streaming helpers shared by every download built on the fly (ZIP archives of PDFs and data)."""

import io


class ChunkSink(io.RawIOBase):
    """A write-only, non-seekable file that hands over what was written since the last take().

    zipfile writes into it without seeking, so a response can stream an archive chunk by chunk
    instead of building it whole in memory.
    """

    def __init__(self):
        super().__init__()
        self._chunks: list[bytes] = []

    def writable(self):
        return True

    def write(self, data):
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data
