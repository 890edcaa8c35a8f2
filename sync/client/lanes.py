"""Blobs on a second connection beside the sync exchange, so that the link stays busy.

Over a 300 ms round trip the sync exchange leaves the line idle while the server applies a
batch or the PC applies a page; blob bytes sent or fetched on a second connection fill those
gaps. Each lane is one thread with its own ``Transport`` (``Transport.twin``); the sync's
thread hands it work and collects its outcome. ``stop`` is always called before the sync
returns: nothing outlives it.
"""

from __future__ import annotations

import queue
import threading

from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from sync.client import blobs
from sync.client.transport import Transport


class Uploader:
    """Blobs going up while the sync exchange goes on.

    The records naming a blob still going up are held back (``held``) and go once it is done:
    the server must hold a record's blobs before it takes the record (a timestamped PDF).
    ``wait`` returns the bytes sent or raises what the upload raised."""

    def __init__(self, store: Store, link: Transport, todo: dict[str, int], chunk: int) -> None:
        self.link, self.todo = link, frozenset(todo)
        self.sent = 0
        self.error: BaseException | None = None
        self.done = False

        def run() -> None:
            try:
                self.sent = blobs.upload_todo(store, link, todo, chunk_size=chunk)
            except BaseException as exc:  # handed to the sync's thread by wait()
                self.error = exc

        self.thread = threading.Thread(target=run, name="naskah-blobs-up", daemon=True)
        self.thread.start()

    def held(self) -> frozenset[str]:
        return frozenset() if self.done else self.todo

    def wait(self) -> int:
        self.thread.join()
        self.done = True
        if self.error is not None:
            raise self.error
        return self.sent

    def stop(self) -> None:
        self.thread.join()
        self.done = True
        self.link.close()


class Fetcher:
    """Blobs fetched while the sync exchange goes on: ``add`` hands it hashes (from the
    answers' changes, before they are applied); ``wait`` lets it finish. A failure here is
    not the sync's: whatever it did not fetch stays for ``blobs.download_wanted``, which runs
    after it and reports its own errors."""

    def __init__(self, local: BlobStore, link: Transport) -> None:
        self.local, self.link = local, link
        self.asked: set[str] = set()
        self.fetched: list[str] = []  # verified and in place
        self.work: queue.Queue[list[str] | None] = queue.Queue()
        self.failed = False
        self.thread = threading.Thread(target=self._run, name="naskah-blobs-down", daemon=True)
        self.thread.start()

    def add(self, hashes: list[str]) -> None:
        fresh = [h for h in hashes if h not in self.asked]
        self.asked.update(fresh)
        if fresh:
            self.work.put(fresh)

    def _run(self) -> None:
        while (hashes := self.work.get()) is not None:
            if self.failed:
                continue
            try:
                for start in range(0, len(hashes), blobs.MAX_PARTS):
                    part = hashes[start : start + blobs.MAX_PARTS]
                    done = blobs.fetch_many(self.link, self.local, part)
                    if done is None:
                        self.failed = True  # an older server: download_wanted does it
                        break
                    self.fetched += done
            except Exception:  # the link broke: download_wanted resumes the .part files
                self.failed = True

    def wait(self) -> None:
        self.work.put(None)
        self.thread.join()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.wait()
        self.link.close()
