"""jing's JVM confined by the kernel (Linux Landlock): it may read its own runtime and the run's files, nothing else.

Run as a script, this module is the launcher that confines and then becomes the JVM:

    python -S -I confine.py --read FOLDER ... --names FOLDER -- java ...

It asks the kernel to refuse the process (and whatever it executes) every read of a file or
listing of a folder except:

- beneath each `--read` folder (the run's private folder, that holds the staged schema and
  the sanitized copies; the JVM's runtime, as RUNTIME_READS computes it);
- each file a name of the `--names` folder leads to (the documents jing is given, one symlink
  each, as jing.py makes them): the file itself, never its folder. The kernel grants the
  file, not its path, so a name whose target is replaced by another file after the grant
  reaches nothing;
- a few read-only files of the kernel that the JVM sizes itself by (processors, memory,
  its control group), and none that holds the process's environment;

and refuses TCP connections and binds where the kernel can (Landlock ABI 4 and later). Then it
executes the JVM. It never executes anything unconfined: where the kernel refuses the
confinement it says so on standard error (CANNOT, exit status FAILED) and stops.

A JVM confined so costs nothing per file, where Java's security manager checks every file
jing opens against its policy (1,000 chapters: 2-4% more CPU; jing.py uses it only where
Landlock is not offered: not Linux, a kernel older than 5.13 or built without it, or a
container that filters the calls).

The module uses the standard library only, and reads nothing else: it runs with -S -I (no
site, no user paths) before it has confined itself.
"""

from __future__ import annotations

import os
import stat
import struct
import sys

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446  # the same numbers on every architecture
_VERSION = 1  # landlock_create_ruleset flag: ask the ABI version
_PATH_BENEATH = 1
_READ_FILE, _READ_DIR = 1 << 2, 1 << 3
_BIND_TCP, _CONNECT_TCP = 1 << 0, 1 << 1
_NO_NEW_PRIVS = 38  # prctl
CANNOT = "teikit: jing's JVM cannot be confined:"
FAILED = 97
# The kernel's files a JVM reads to size itself (processors, memory, its control group): read
# only if granted; without them it still runs, but takes no account of a container's limits.
KERNEL_READS = (
    "/proc/self/mountinfo",
    "/proc/self/cgroup",
    "/proc/cgroups",
    "/proc/meminfo",
    "/proc/cpuinfo",
    "/proc/stat",
    "/sys/fs/cgroup",
    "/sys/devices/system/cpu",
)
# Where the dynamic loader finds the system's shared libraries (libc, libz, libstdc++ ...) when,
# as here, it may not read its cache (/etc/ld.so.cache):
# files any program on the machine may load.
LIBRARY_FOLDERS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64")
_abi: int | None = None


def _libc():
    import ctypes  # here: teikit's runs that start no JVM never load it

    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def abi() -> int:
    """The Landlock ABI version the kernel offers this process; 0 where it offers none."""
    global _abi
    if _abi is None:
        _abi = 0
        if sys.platform.startswith("linux"):
            try:
                _abi = max(0, int(_libc().syscall(_CREATE_RULESET, None, 0, _VERSION)))
            except (OSError, AttributeError, ImportError):  # no libc to call (or no ctypes)
                _abi = 0
    return _abi


def runtime_reads(java: str, jar: str) -> list[str]:
    """What a JVM started as `java` running `jar` must read: its home (the folder above the
    real `bin/java`), the real places of the symlinks in it (Debian keeps the JVM's
    configuration in /etc/java-N-openjdk, linked from its home), the jar's folder (jing's jar
    names the jars beside it) and the system's library folders."""
    home = os.path.dirname(os.path.dirname(os.path.realpath(java)))
    reads = [home, os.path.dirname(os.path.realpath(jar))]
    for folder, dirs, files in os.walk(home):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                reads.append(os.path.realpath(path))
    reads += [os.path.realpath(f) for f in LIBRARY_FOLDERS]
    reads = [r for r in dict.fromkeys(reads) if os.path.exists(r)]
    return [r for r in reads if not any(r.startswith(other + os.sep) for other in reads)]


def command(cmd: list[str], reads: list[str], names: str) -> list[str]:
    """`cmd` (a JVM) run confined: reading beneath `reads`, and the files the names in the
    folder `names` lead to."""
    prefix = [sys.executable, "-S", "-I", os.path.abspath(__file__)]
    for r in reads:
        prefix += ["--read", r]
    return [*prefix, "--names", names, "--", *cmd]


def _confine(reads: list[str], names: str) -> None:
    import ctypes

    libc = _libc()
    version = int(libc.syscall(_CREATE_RULESET, None, 0, _VERSION))
    if version < 1:
        raise OSError(ctypes.get_errno(), "the kernel offers no Landlock")
    handled = _READ_FILE | _READ_DIR
    net = _BIND_TCP | _CONNECT_TCP if version >= 4 else 0
    attr = struct.pack("=QQ", handled, net) if version >= 4 else struct.pack("=Q", handled)
    ruleset = int(libc.syscall(_CREATE_RULESET, ctypes.c_char_p(attr), len(attr), 0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")

    def grant(path: str, rights: int, files_only: bool = False) -> None:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)  # follows a symlink: its target is granted
        except OSError:
            return  # nothing there to read: the JVM (or jing, of a document) says so
        try:
            if stat.S_ISDIR(os.fstat(fd).st_mode):
                if files_only:
                    return  # a document's name that leads to a folder (replaced since) grants nothing
            else:
                rights &= _READ_FILE  # a file takes only the rights of a file
            rule = ctypes.create_string_buffer(struct.pack("=Qi", rights, fd), 12)
            if libc.syscall(_ADD_RULE, ruleset, _PATH_BENEATH, rule, 0) != 0:
                raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")
        finally:
            os.close(fd)

    for r in [*reads, *KERNEL_READS]:
        grant(r, handled)
    with os.scandir(names) as entries:
        for entry in entries:
            if entry.is_symlink():
                grant(entry.path, _READ_FILE, files_only=True)
    if libc.prctl(_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")
    if libc.syscall(_RESTRICT_SELF, ruleset, 0) != 0:
        raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    os.close(ruleset)


def main(argv: list[str]) -> None:
    split = argv.index("--") if "--" in argv else len(argv)
    options, cmd = argv[:split], argv[split + 1 :]
    reads = [options[i + 1] for i, o in enumerate(options[:-1]) if o == "--read"]
    names = [options[i + 1] for i, o in enumerate(options[:-1]) if o == "--names"]
    if not cmd or len(names) != 1:
        sys.stderr.write(f"{CANNOT} usage: confine.py --read FOLDER ... --names FOLDER -- COMMAND\n")
        sys.exit(FAILED)
    try:
        _confine(reads, names[0])
    except OSError as exc:
        sys.stderr.write(f"{CANNOT} {exc}\n")
        sys.exit(FAILED)
    try:
        os.execv(cmd[0], cmd)
    except OSError as exc:
        sys.stderr.write(f"{CANNOT} {cmd[0]}: {exc}\n")
        sys.exit(FAILED)


if __name__ == "__main__":
    main(sys.argv[1:])
