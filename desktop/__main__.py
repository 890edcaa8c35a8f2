"""``naskah``: the desktop app (GUI by default) and its administrative subcommands.

    naskah [--data-dir DIR]                   start the app
    naskah setup --profile office.toml        provision a PC without the GUI
    naskah audit verify                       check the audit hash chain
    naskah backup                             write a backup copy of the store now
    naskah enroll --server URL --office KODE --code XXXX    enrol this PC with the sync server
    naskah sync                               sync now (through the office hub if it answers)
    naskah bundle export FILE                 write pending changes to a bundle (USB stick)
    naskah bundle import REPLY                apply the server's reply to a bundle
    naskah verify FILE.pdf                    check a signed PDF offline (exit 0 valid,
                                              1 not valid, 2 unreadable)
    naskah templates check                    check the office's own letter types
                                              (templates/letter_types.toml in the data dir)
    naskah --self-test                        check this installation on a temporary store
                                              (exit 0 when it works)

Heavy modules (Qt, SQLAlchemy) are imported inside the commands, so that ``--help`` is instant
and the GUI can show its window before the rest loads. ``verify`` needs neither: it reads the
store with sqlite3 alone and loads no seam, letter types or ORM (``desktop.store.reading``).
``--help`` itself loads nothing beyond argparse (no typing, pathlib or shutil): in the frozen
build each module is a file to open, and shutil would bring the bz2/lzma extension DLLs.
"""

from __future__ import annotations

import argparse
import os
import sys

TYPE_CHECKING = False  # typing and pathlib are not loaded for --help
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it ($COLUMNS, the terminal,
    else 80), without importing shutil."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def _path(text: str) -> Path:
    """An argument that names a file or folder (pathlib is imported once one is given)."""
    from pathlib import Path

    return Path(text)


class _Parser(argparse.ArgumentParser):
    """Every parser of the command line (subcommands too: argparse makes them of this class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="naskah", description="Naskah: e-office luring kecamatan")
    p.add_argument("--data-dir", type=_path, help="folder data (bawaan: folder data pengguna)")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="periksa instalasi ini pada data sementara (tanpa menyentuh data kantor), lalu keluar",
    )
    # --data-dir is accepted after the subcommand too ("naskah setup --data-dir D ...").
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=_path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command")
    setup = sub.add_parser(
        "setup", parents=[common], help="siapkan kantor dari berkas profil (tanpa GUI)"
    )
    setup.add_argument("--profile", type=_path, required=True, help="berkas profil TOML")
    setup.add_argument("--sample-data", action="store_true", help="isi dengan data contoh")
    audit = sub.add_parser("audit", parents=[common], help="log audit")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", parents=[common], help="periksa rantai hash log audit")
    sub.add_parser("backup", parents=[common], help="buat salinan cadangan basis data sekarang")
    enroll = sub.add_parser(
        "enroll", parents=[common], help="daftarkan PC ini ke server sinkronisasi"
    )
    enroll.add_argument("--server", required=True, help="alamat server, mis. https://...")
    enroll.add_argument("--office", required=True, help="kode kantor di server")
    enroll.add_argument("--code", required=True, help="kode pendaftaran sekali pakai")
    enroll.add_argument("--name", help="nama PC ini (bawaan: nama komputer)")
    enroll.add_argument(
        "--root-fingerprint",
        default="",
        help="sidik jari sertifikat akar yang dicetak bersama kode server kantor (hanya untuk "
        "mendaftar lewat server kantor)",
    )
    sub.add_parser("sync", parents=[common], help="sinkronkan dengan server sekarang")
    bundle = sub.add_parser("bundle", parents=[common], help="sinkronisasi lewat flashdisk")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", required=True)
    export = bundle_sub.add_parser(
        "export", parents=[common], help="tulis perubahan yang menunggu ke berkas bundel"
    )
    export.add_argument("file", type=_path, help="berkas bundel yang ditulis")
    reply = bundle_sub.add_parser(
        "import", parents=[common], help="terapkan berkas balasan dari server"
    )
    reply.add_argument("reply", type=_path, help="berkas balasan dari server")
    verify = sub.add_parser(
        "verify", parents=[common], help="periksa keaslian PDF bertanda tangan (tanpa jaringan)"
    )
    verify.add_argument("file", type=_path, help="berkas PDF yang diperiksa")
    types = sub.add_parser("templates", parents=[common], help="templat jenis naskah kantor")
    types_sub = types.add_subparsers(dest="templates_command", required=True)
    types_sub.add_parser(
        "check", parents=[common], help="periksa templates/letter_types.toml di folder data"
    )
    return p


def _data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return _path(args.data_dir)
    from desktop.paths import default_data_dir  # platformdirs: only when no folder is given

    return default_data_dir()


def _cmd_setup(args: argparse.Namespace) -> int:
    from desktop.letters import accounts, office, sample
    from desktop.letters.errors import ValidationError
    from desktop.store.db import open_store

    try:
        office_in, admin_in = office.read_profile(args.profile)
    except ValidationError as exc:
        for key, msg in exc.fields.items():
            print(f"{key}: {msg}", file=sys.stderr)
        return 2
    password = os.environ.get("NASKAH_ADMIN_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            print("Berikan kata sandi administrator lewat NASKAH_ADMIN_PASSWORD.", file=sys.stderr)
            return 2
        import getpass

        password = getpass.getpass("Kata sandi administrator: ")
    admin_in.password = password
    store = open_store(_data_dir(args))
    try:
        if office.is_set_up(store):
            print("Kantor di folder data ini sudah disiapkan.", file=sys.stderr)
            return 1
        try:
            _, admin = office.setup(store, office_in, admin_in)
        except ValidationError as exc:
            for key, msg in exc.fields.items():
                print(f"{key}: {msg}", file=sys.stderr)
            return 2
        if args.sample_data:
            user = accounts.CurrentUser(admin.id, admin.name, accounts.parse_roles(admin.roles))
            sample.fill(store, user)
        print(f"Kantor {office_in.kecamatan} siap di {store.data_dir}")
        return 0
    finally:
        store.close()


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from desktop.letters import audit
    from desktop.store.db import open_for_reading

    store = open_for_reading(_data_dir(args))  # works while the app has the store open
    try:
        report = audit.verify(store)
    finally:
        store.close()
    if report.ok:
        print(f"Rantai audit utuh: {report.checked} entri diperiksa.")
        return 0
    print(
        f"Rantai audit RUSAK pada entri #{report.broken_at}: {report.reason} "
        f"({report.checked} entri sebelumnya utuh)."
    )
    return 1


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop.store.db import backup_file, open_for_reading

    store = open_for_reading(_data_dir(args))  # SQLite's online backup runs beside the app
    try:
        target = backup_file(store.path, "manual")
    finally:
        store.close()
    print(f"Cadangan ditulis ke {target}")
    return 0


def _cmd_templates_check(args: argparse.Namespace) -> int:
    from desktop.letters import templates

    data_dir = _data_dir(args)
    path = templates.office_file(data_dir)
    if not path.is_file():
        print(f"Kantor ini memakai templat jenis naskah bawaan ({path} tidak ada).")
        return 0
    try:
        kinds = templates.load_letter_types(data_dir)
    except templates.TemplateError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(f"{path}: baik. Jenis naskah yang berlaku:")
    for key, kind in kinds.items():
        print(f"  {key}: {kind.label}")
    return 0


def _cmd_enroll(args: argparse.Namespace) -> int:
    from desktop.store.db import open_store
    from sync.client import server_address
    from sync.client.errors import SyncError

    store = open_store(_data_dir(args))
    try:
        state = server_address.enroll(
            store, args.server, args.office, args.code, args.name,
            root_fingerprint=args.root_fingerprint,
        )  # fmt: skip
        hub = server_address.hub_address(store)
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"PC ini terdaftar di {state.server_url} untuk kantor {state.office_code}.")
    if hub:
        print(f"Server kantor: {hub} (dipakai bila menjawab; bila tidak, server pusat).")
    return 0


def _cmd_sync(args: argparse.Namespace) -> int:
    from desktop.store.db import open_store
    from sync.client.errors import SyncError
    from sync.client.scheduler import skew_text
    from sync.client.server_address import HUB, sync_by_best_path
    from sync.client.transport import SKEW_LIMIT

    store = open_store(_data_dir(args))
    try:
        path, report = sync_by_best_path(store)  # the office hub when it answers, else central
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        store.close()
    via = "server kantor" if path == HUB else "server pusat"
    print(
        f"Tersinkron lewat {via}: {report.pushed} perubahan dikirim, {report.pulled} diterima, "
        f"{report.conflicts} konflik, {report.rejected} ditolak; {report.pending} menunggu."
    )
    if report.skew is not None and abs(report.skew) > SKEW_LIMIT:
        print(skew_text(report.skew), file=sys.stderr)
    return 0


def _cmd_bundle(args: argparse.Namespace) -> int:
    from desktop.store.db import open_store
    from sync.client import bundle
    from sync.client.errors import SyncError

    store = open_store(_data_dir(args))
    try:
        if args.bundle_command == "export":
            out = bundle.export_bundle(store, args.file)
            print(
                f"Bundel ditulis ke {args.file}: {out.mutations} perubahan, {out.blobs} lampiran."
            )
            if out.deliveries:
                print(f"Surat untuk kantor lain yang dibawa bundel: {out.deliveries}.")
            if out.more_local:
                print("Masih ada perubahan lain: buat bundel lagi setelah balasan diterapkan.")
        else:
            done = bundle.import_reply(store, args.reply)
            r = done.report
            print(
                f"Balasan diterapkan: {r.pushed} perubahan dikonfirmasi, {r.pulled} diterima, "
                f"{r.conflicts} konflik, {done.blobs} lampiran; {r.pending} menunggu."
            )
            sent = r.delivery
            if sent is not None and (sent.sent or sent.refused):
                print(
                    f"Surat untuk kantor lain: {sent.sent} terkirim, {sent.refused} ditolak "
                    "(alasannya tertera pada suratnya; dikirim lagi dengan bundel berikutnya)."
                )
    except SyncError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when every signature is valid, 1 when not (changed, untrusted, unsigned), 2 when
    the file cannot be read or is not a readable PDF."""
    # Plain sqlite3 reads (desktop.store.reading), no SQLAlchemy: this command starts quickly.
    from desktop.letters.verification import check_pdf, describe
    from desktop.store.errors import StoreError
    from desktop.store.files import DB_NAME
    from desktop.store.reading import Reader, open_reader

    path = _path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"Berkas tidak dapat dibaca: {path} ({exc.strerror or exc})", file=sys.stderr)
        return 2
    data_dir = _data_dir(args)
    store: Reader | None = None
    if (data_dir / DB_NAME).exists():  # a PC with no Naskah data still checks integrity
        try:
            store = open_reader(data_dir)  # works while the app has the store open
        except StoreError as exc:
            print(f"{exc.message} Diperiksa tanpa data kantor.", file=sys.stderr)
    try:
        check = check_pdf(store, data, name=path.name)
    finally:
        if store is not None:
            store.close()
    out = sys.stderr if check.unreadable else sys.stdout
    for line in describe(check):
        print(line, file=out)
    if check.unreadable:
        return 2
    return 0 if check.valid else 1


def main(argv: list[str] | None = None, *, before_command: Callable[[], None] | None = None) -> int:
    """Run the command ``argv`` asks for (the GUI when none). ``before_command`` runs once the
    command line is understood, before any command (not for ``--help`` or a usage error): the
    frozen console program runs PyInstaller's run-time hooks there
    (packaging/naskah_cli_entry.py)."""
    args = _parser().parse_args(argv)
    if before_command is not None:
        before_command()
    if args.command == "verify":
        # Reads a PDF and the store, renders and syncs nothing: neither the seam nor the
        # office's letter types are needed, and loading them would cost more than the check.
        from desktop.store.errors import StoreError

        try:
            return _cmd_verify(args)
        except StoreError as exc:
            print(exc.message, file=sys.stderr)
            return 1
    from desktop import seam
    from desktop.letters import templates

    seam.install()  # before anything can sync: the GUI's scheduler and the sync commands
    if args.self_test:
        from desktop.ui.self_test import run_self_test

        return run_self_test()
    from desktop.store.errors import StoreError

    # Letters rendered or numbered by any command follow the office's own letter types.
    templates.use_office_folder(_data_dir(args))

    try:
        if args.command == "setup":
            return _cmd_setup(args)
        if args.command == "audit":
            return _cmd_audit_verify(args)
        if args.command == "backup":
            return _cmd_backup(args)
        if args.command == "enroll":
            return _cmd_enroll(args)
        if args.command == "sync":
            return _cmd_sync(args)
        if args.command == "bundle":
            return _cmd_bundle(args)
        if args.command == "templates":
            return _cmd_templates_check(args)
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    from desktop.ui.app import run

    return run(_data_dir(args))


if __name__ == "__main__":
    sys.exit(main())
