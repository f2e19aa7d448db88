"""Storage the vault lives on: a folder, a WebDAV server or an S3-compatible bucket.

All three offer the same small interface (:class:`desktop.sync.remotes.base.Remote`):
read a file or learn it is absent, write a file, list a folder's names, delete one file
(only keyslots, on a passphrase change). "Absent" is never an error and never a delete.
"""
