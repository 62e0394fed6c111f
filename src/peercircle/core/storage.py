"""Files written whole or not at all, and uploads refused before they fill the disk.

`SafeFileSystemStorage` (settings.STORAGES["default"]) writes each file under a temporary name in
its own folder and moves it into place only when complete; when the disk fills up on the way the
partial file is removed and `StorageFull` is raised, which rolls back the record being saved and
answers the person with the 507 page in their language (core/errors.py).

`SpaceCheckingUploadHandler` (settings.FILE_UPLOAD_HANDLERS) refuses an upload larger than the
free space (less a margin) before reading it.
"""

import errno
import os
import shutil
import tempfile

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler

from peercircle.core.errors import StorageFull

PARTIAL_SUFFIX = ".partial"
# space kept free for the database, logs and the operating system
FREE_SPACE_MARGIN_BYTES = 50 * 1024 * 1024


def free_bytes(path) -> int:
    os.makedirs(path, exist_ok=True)
    return shutil.disk_usage(path).free


def room_for(size: int, path) -> bool:
    margin = getattr(settings, "FREE_SPACE_MARGIN_BYTES", FREE_SPACE_MARGIN_BYTES)
    return size + margin <= free_bytes(path)


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        size = getattr(content, "size", None)
        if size is not None and not room_for(size, directory):
            raise StorageFull()
        handle, partial = tempfile.mkstemp(prefix=".", suffix=PARTIAL_SUFFIX, dir=directory)
        try:
            with os.fdopen(handle, "wb") as out:
                if hasattr(content, "temporary_file_path"):
                    with open(content.temporary_file_path(), "rb") as source:
                        shutil.copyfileobj(source, out)
                else:
                    for chunk in content.chunks():
                        out.write(chunk if isinstance(chunk, bytes) else chunk.encode())
                out.flush()
                os.fsync(out.fileno())
            if self.file_permissions_mode is not None:
                os.chmod(partial, self.file_permissions_mode)
            # the name chosen by get_available_name is free; a race with another writer gets a
            # fresh name rather than overwriting
            while os.path.exists(full_path):
                name = self.get_available_name(name)
                full_path = self.path(name)
            os.replace(partial, full_path)
        except OSError as error:
            _remove(partial)
            if error.errno == errno.ENOSPC:
                raise StorageFull() from error
            raise
        except BaseException:
            _remove(partial)
            raise
        return str(name).replace("\\", "/")


def _remove(path) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


class SpaceCheckingUploadHandler(FileUploadHandler):
    """First of the upload handlers: a request bigger than the free space of the temporary
    folder or of the files' folder is refused before a byte of it is written; the handlers
    after it (Django's own) receive the upload as usual."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        folders = (settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir(), settings.MEDIA_ROOT)
        if content_length and not all(room_for(content_length, folder) for folder in folders):
            raise StorageFull()

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


__all__ = ["SafeFileSystemStorage", "SpaceCheckingUploadHandler", "StorageFull"]
