"""Encrypted, rotated backups of the roster and their restore (no Qt here).

``backup_file``: the file format (AES-256-GCM, a key only the office's backup password unlocks);
``office_key``: that password, kept in the database only as a sealed key pair; ``snapshot``: a
consistent copy of the SQLite file and what it holds; ``folder``: where backups go, which exist,
and rotation; ``make``: one backup now; ``restore``: check a file, show it, put it in place.
"""
