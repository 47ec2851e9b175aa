"""Prints the report of tests/bench/build.sh from the builds it left in the folder given as argument."""

import collections
import os
import re
import struct
import sys

work = sys.argv[1]
MB = 1e6


def path(name):
    return os.path.join(work, name)


def size(name):
    return os.path.getsize(path(name))


def secs(name, cpu=False):
    return float(open(path(name + ".seconds")).read().split()[1 if cpu else 0])


def load(name):
    return " -> ".join(open(path(name + ".load")).read().split())


print("## Cold builds: empty GOCACHE, warm module cache (ratio = plugin / bare)\n")
print(f"{'flags':<46} {'':<7} {'wall s':>7} {'CPU s':>7} {'bytes':>11}")
for label, p, b in [
    (("default (go build)", ""), "plugin-default", "bare-default"),
    (("release: CGO_ENABLED=0 -trimpath", "  -ldflags '-s -w'"), "plugin-release", "bare-release"),
]:
    print(f"{label[0]:<46} {'plugin':<7} {secs(p):>7.1f} {secs(p, True):>7.1f} {size(p):>11}")
    print(f"{label[1]:<46} {'bare':<7} {secs(b):>7.1f} {secs(b, True):>7.1f} {size(b):>11}")
    print(f"{'':<46} {'ratio':<7} {secs(p) / secs(b):>7.2f} {secs(p, True) / secs(b, True):>7.2f} "
          f"{size(p) / size(b):>11.2f}")
print(f"{'CGO_ENABLED=0 (with a -toolexec timer)':<46} {'plugin':<7} {secs('plugin-nocgo'):>7.1f} "
      f"{secs('plugin-nocgo', True):>7.1f} {size('plugin-nocgo'):>11}")
print(f"\n{os.cpu_count()} CPU cores; 1-minute load average before -> after each cold build:")
for n in ("plugin-default", "bare-default", "plugin-release", "bare-release", "plugin-nocgo"):
    print(f"  {n:<16} {load(n)}")

print("\n## Flags one at a time, relinked in the warm caches above (link wall seconds, bytes)\n")
print(f"{'':<46} {'link s':>7} {'bytes':>11} {'change':>8}")
for who, base, rows in [
    ("plugin", "plugin-default", [
        ("default (go build)", "plugin-default-relink"),
        ("-ldflags '-s -w'", "plugin-default-sw"),
        ("CGO_ENABLED=0", "plugin-nocgo"),
        ("CGO_ENABLED=0 -ldflags '-s -w'", "plugin-nocgo-sw"),
        ("CGO_ENABLED=0 -trimpath", "plugin-trimpath"),
        ("CGO_ENABLED=0 -trimpath -ldflags '-s -w'", "plugin-release-relink"),
    ]),
    ("bare", "bare-default", [
        ("-ldflags '-s -w'", "bare-default-sw"),
        ("CGO_ENABLED=0 -trimpath", "bare-trimpath"),
        ("CGO_ENABLED=0 -trimpath -ldflags '-s -w'", "bare-release"),
    ]),
]:
    for label, name in rows:
        cold = name in ("plugin-nocgo", "bare-release")
        link = f"{'(cold)':>7}" if cold else f"{secs(name):>7.1f}"
        print(f"{who + ', ' + label:<46} {link} {size(name):>11} {size(name) / size(base) - 1:>+8.1%}")


def sections(name):
    """Sizes of the file-backed ELF sections of a 64-bit little-endian ELF file, by name."""
    data = open(path(name), "rb").read()
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    strtab = headers[shstrndx]
    names = data[strtab[4]:strtab[4] + strtab[5]]
    out = {}
    for h in headers:
        sname = names[h[0]:names.index(b"\0", h[0])].decode()
        if sname and h[1] != 8:  # SHT_NOBITS (.bss, .noptrbss) takes no room in the file
            out[sname] = h[5]
    return out, data


GROUPS = [
    ("code (.text)", lambda s: s == ".text"),
    ("read-only data, type descriptors (.rodata)", lambda s: s == ".rodata"),
    ("function tables for stacks and panics (.gopclntab)", lambda s: s == ".gopclntab"),
    ("data (.data, .noptrdata, .typelink, .itablink)", lambda s: s in (".data", ".noptrdata", ".typelink", ".itablink")),
    ("DWARF debug information (-w drops it)", lambda s: "debug" in s),
    ("symbol table (-s drops it)", lambda s: s in (".symtab", ".strtab")),
]


def grouped(name):
    secs_, data = sections(name)
    out = collections.Counter()
    for sname, n in secs_.items():
        label = next((g for g, match in GROUPS if match(sname)), "other sections, headers")
        out[label] += n
    out["other sections, headers"] += len(data) - sum(secs_.values())
    return out


print("\n## Where the bytes are: ELF sections, default flags (and release flags)\n")
print(f"{'section':<52} {'plugin MB':>10} {'bare MB':>8} {'extra MB':>9}   {'release: plugin':>15} {'bare':>6}")
gp, gb = grouped("plugin-default"), grouped("bare-default")
rp, rb = grouped("plugin-release"), grouped("bare-release")
for label in [g for g, _ in GROUPS] + ["other sections, headers"]:
    print(f"{label:<52} {gp[label] / MB:>10.2f} {gb[label] / MB:>8.2f} {(gp[label] - gb[label]) / MB:>+9.2f}"
          f"   {rp[label] / MB:>15.2f} {rb[label] / MB:>6.2f}")
print(f"{'file':<52} {size('plugin-default') / MB:>10.2f} {size('bare-default') / MB:>8.2f} "
      f"{(size('plugin-default') - size('bare-default')) / MB:>+9.2f}   {size('plugin-release') / MB:>15.2f} "
      f"{size('bare-release') / MB:>6.2f}")

# Per module.
module_of = {}
for line in open(path("modules.txt")):
    pkg, mod = line.split()
    module_of[pkg] = mod


def module(pkg):
    if pkg == "(linker tables)":
        return pkg
    if pkg in module_of:
        return module_of[pkg]
    if pkg.startswith("vendor/") or "." not in pkg.split("/")[0]:
        return "std"
    return "(other)"


PREFIXES = ("go:itab.", "type:.eq.", "type:.hash.", "type:.importpath.", "type:.namedata.", "type:", "go:")


def symbol_package(sym):
    if sym.endswith(".*"):  # tables the linker builds for all packages at once (go:func.*, type:*)
        return "(linker tables)"
    for p in PREFIXES:
        if sym.startswith(p):
            sym = sym[len(p):]
            break
    sym = re.split(r"[\[,]", sym.lstrip("*[]()"), maxsplit=1)[0]
    dot = sym.find(".", sym.rfind("/") + 1)
    return (sym[:dot] if dot > 0 else sym).replace("%2e", ".")


# Drop symbols of the zero-initialised sections (their addresses lie beyond the file-backed data).
def nm_file_backed(nm_name, binary):
    data = open(path(binary), "rb").read()
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    nobits = []
    for i in range(shnum):
        h = struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
        if h[1] == 8:
            nobits.append((h[3], h[3] + h[5]))
    out = collections.defaultdict(lambda: [0, 0, 0])
    for line in open(path(nm_name)):
        parts = line.rstrip("\n").split(None, 3)
        if len(parts) < 4 or parts[2] == "U":
            continue
        addr, n, kind, sym = int(parts[0], 16), int(parts[1]), parts[2], parts[3]
        if any(lo <= addr < hi for lo, hi in nobits):
            continue
        row = out[module(symbol_package(sym))]
        if kind in "Tt":
            row[0] += 1
            row[1] += n
        else:
            row[2] += n
    return out


plugin_syms = nm_file_backed("plugin.nm", "plugin-default")
bare_syms = nm_file_backed("bare.nm", "bare-default")

cpu = collections.Counter()
cpu_pkg = collections.Counter()
link_cpu = 0.0
for line in open(path("tools.log")):
    parts = line.split()
    if len(parts) != 4 or not re.match(r"^[\d.]+$", parts[2]):
        continue
    tool, pkg, user, system = parts[0], parts[1], float(parts[2]), float(parts[3])
    if tool == "link":
        link_cpu += user + system
    elif pkg != "-":
        cpu[module(pkg)] += user + system
        cpu_pkg[pkg] += user + system

print("\n## Where the seconds and bytes go, per module\n")
print("CPU s: compile and assemble CPU seconds of the module's packages (build 3). Functions and bytes:")
print("its symbols in the plugin (go tool nm -size; the function tables, DWARF and the symbol table are")
print("not in a symbol: see the sections above). bare: the same module in the bare provider.\n")
print(f"{'module':<52} {'CPU s':>6} {'functions':>10} {'code MB':>8} {'data MB':>8} {'bare code+data MB':>18}")
rows = sorted(set(cpu) | set(plugin_syms), key=lambda m: -(cpu.get(m, 0) + sum(plugin_syms[m][1:]) / 2e5))
rest = [0.0, 0, 0, 0, 0]
for i, m in enumerate(rows):
    s, b = plugin_syms[m], bare_syms.get(m)
    row = [cpu.get(m, 0), s[0], s[1], s[2], (b[1] + b[2]) if b else 0]
    if i < 18:
        bare_col = f"{row[4] / MB:>18.2f}" if b else f"{'(not in bare)':>18}"
        print(f"{m[:52]:<52} {row[0]:>6.1f} {row[1]:>10} {row[2] / MB:>8.2f} {row[3] / MB:>8.2f} {bare_col}")
    else:
        rest = [r + x for r, x in zip(rest, row)]
print(f"{'(%d more modules)' % max(0, len(rows) - 18):<52} {rest[0]:>6.1f} {rest[1]:>10} {rest[2] / MB:>8.2f} "
      f"{rest[3] / MB:>8.2f} {rest[4] / MB:>18.2f}")
print(f"{'link':<52} {link_cpu:>6.1f}")
only = [m for m in rows if m not in bare_syms and not m.startswith("(")]
print(f"\nonly in the plugin: {', '.join(only)}")
print(f"  compile CPU {sum(cpu.get(m, 0) for m in only):.1f} s of {sum(cpu.values()):.1f} s; "
      f"{sum(plugin_syms[m][0] for m in only)} of {sum(r[0] for r in plugin_syms.values())} functions")

print("\n## The ten packages that take the most compile CPU\n")
for pkg, s in cpu_pkg.most_common(10):
    print(f"{pkg[:86]:<86} {s:>6.1f}")
