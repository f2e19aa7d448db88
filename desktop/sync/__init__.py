"""End-to-end encrypted sync over storage the user already has (SYNC.md). No Qt here.

``targets`` names where the vault lives, ``remotes`` talk to it (folder, WebDAV, S3),
``crypto`` and ``payload`` seal what leaves the device, ``vault`` creates, joins and
unlocks a vault, ``secrets`` keeps keys in the OS keyring, and ``engine`` runs a cycle.
Heavy imports (HTTP clients, keyring, cryptography) happen inside these modules, which
the app imports only when sync is used.
"""
