"""Render the measured results (results/*.json, runs/*/log.jsonl) as Markdown tables for models/README.md.

  python3 report.py > results/tables.md
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "results")
RUNS = os.path.join(os.path.dirname(HERE), "runs")
NAMES = {"composite": "Composite (no harmonization)", "classic": "Classic (Reinhard Lab transfer)",
         "hdnet-ct": "HDNet-CT", "hdnet-ct-1.4.0": "HDNet-CT 1.4.0 (previous release)", "hdnet-lite": "HDNet-lite",
         "hdnet": "HDNet", "s2crnet": "S2CRNet"}
METHODS = tuple(NAMES)  # table row order



def ratio(composite_mse, mse):
    """composite MSE / MSE rounded down to 2 decimals, so a target like 4x is never shown as met when it is not."""
    return f"{math.floor(composite_mse / mse * 100) / 100:.2f}×"

def load(name):
    p = os.path.join(RES, name)
    return json.load(open(p)) if os.path.exists(p) else None


def f(x, d=2):
    return "–" if x is None else f"{x:.{d}f}"


def val_table(res, key="val"):
    comp = res["composite"][key]["all"]["mse"]
    buckets = ["0-5%", "5-15%", "15-100%"]
    head = ("| method | MSE | PSNR | fMSE | composite MSE ÷ MSE | " +
            " | ".join(f"fg {b}: MSE / PSNR / fMSE" for b in buckets) + " | s/img (PyTorch eval, batch 4) |")
    lines = [head, "|" + "---|" * (6 + len(buckets))]
    for m in METHODS:
        if m not in res:
            continue
        t = res[m][key]
        a = t["all"]
        cells = [f"{f(t[b]['mse'])} / {f(t[b]['psnr'])} / {f(t[b]['fmse'])} (n={t[b]['n']})" if b in t else "–"
             for b in buckets]
        lines.append(f"| {NAMES[m]} | {f(a['mse'])} | {f(a['psnr'])} | {f(a['fmse'])} | "
                     f"{ratio(comp, a['mse'])} | " + " | ".join(cells) + f" | {t['seconds_per_image']:.3f} |")
    return "\n".join(lines)


def generalisation_tables(res):
    """The measures the training generator can't fool (generalisation.py): one summary table, then made-worse shares
    and fMSE per strength bin and per cast family of the independent set."""
    ms = [m for m in res if m != "sets"]
    lines = ["| method | indep MSE | indep fMSE | made worse | two-zone MSE K=1 / K=9 | K effect mean / max (levels) | "
             "placement K=1 / K=9 | real triplets MSE |", "|" + "---|" * 8]
    for m in ms:
        r = res[m]
        s, z, p, t = r["indep"]["summary"], r["scenes"]["two_zone"], r["scenes"]["placement"], r["triplets"]
        lines.append(f"| {NAMES.get(m, m)} | {f(s['mse'])} | {f(s['fmse'], 0)} | {100 * s['worse_share']:.1f} % | "
                     f"{f(z['mse_k1'])} / {f(z['mse_k9'])} | {f(z['k_effect_mean'])} / {f(z['k_effect_max'], 0)} | "
                     f"{f(p['ratio_k1_mean'])} / {f(p['ratio_k9_mean'])} | {f(t['mse'])} |")
    out = ["\n".join(lines)]
    for part, title in (("per_bin", "strength bin"), ("per_family", "cast family (first of a combination)")):
        keys = list(res[ms[0]]["indep"][part])
        rows = [f"| {title} (n, composite fMSE) | " + " | ".join(NAMES.get(m, m) for m in ms) + " |",
                "|" + "---|" * (1 + len(ms))]
        for k in keys:
            ref = res[ms[0]]["indep"][part][k]
            cells = [f"{f(res[m]['indep'][part][k]['fmse'], 0)} / {100 * res[m]['indep'][part][k]['worse_share']:.0f} %"
                     for m in ms]
            rows.append(f"| {k} ({ref['n']}, {f(ref['comp_fmse'], 0)}) | " + " | ".join(cells) + " |")
        out.append("\n".join(rows))
    other = photos_table(res)
    return "\n\n".join(out + ([other] if other else []))


def photos_table(res):
    """MSE / made worse by the photos' collection: indep per collection and the other-photos set (indep_other)."""
    ms = [m for m in res if m != "sets" and "indep_other" in res[m] and "per_source" in res[m]["indep"]]
    if not ms:
        return ""
    sources = list(res[ms[0]]["indep"]["per_source"])
    ref, oref = res[ms[0]]["indep"]["per_source"], res[ms[0]]["indep_other"]["summary"]
    lines = ["| method (MSE / made worse) | " + " | ".join(f"indep, {c} photos (n {ref[c]['n']}, composite "
                                                         f"{f(ref[c]['comp_mse'])})" for c in sources)
             + f" | other photos (n {oref['n']}, composite {f(oref['comp_mse'])}) |", "|" + "---|" * (2 + len(sources))]
    for m in ms:
        cells = [res[m]["indep"]["per_source"][c] for c in sources] + [res[m]["indep_other"]["summary"]]
        lines.append(f"| {NAMES.get(m, m)} | " + " | ".join(f"{f(c['mse'])} / {100 * c['worse_share']:.1f} %"
                                                           for c in cells) + " |")
    return "\n".join(lines)


def cast_bucket_table(res, key="val"):
    """fMSE per composite-cast bucket and the share of images each method made worse than the composite."""
    ms = [m for m in METHODS if m in res and
          "by_cast" in res[m][key]]
    if not ms:
        return None
    names = list(res[ms[0]][key]["by_cast"])
    lines = ["| method | " + " | ".join(f"composite fMSE {b}: fMSE / made worse" for b in names) + " |",
             "|" + "---|" * (1 + len(names))]
    for m in ms:
        bc = res[m][key]["by_cast"]
        lines.append(f"| {NAMES[m]} | " + " | ".join(
            f"{f(bc[b]['fmse'], 0)} / {100 * bc[b]['worse_share']:.0f} % (n={bc[b]['n']})" if b in bc else "–"
            for b in names) + " |")
    return "\n".join(lines)


def triplet_table(res):
    ids = sorted(res["composite"]["triplets_per_image"])
    ms = [m for m in METHODS if m in res]
    lines = ["| triplet | " + " | ".join(f"{NAMES[m]} MSE / PSNR" for m in ms) + " |", "|" + "---|" * (1 + len(ms))]
    for i in ids:
        lines.append(f"| {i} | " + " | ".join(
            f"{f(res[m]['triplets_per_image'][i]['mse'])} / {f(res[m]['triplets_per_image'][i]['psnr'])}"
            for m in ms) + " |")
    lines.append("| **mean** | " + " | ".join(
        f"{f(res[m]['triplets']['all']['mse'])} / {f(res[m]['triplets']['all']['psnr'])}" for m in ms) + " |")
    return "\n".join(lines)


def ksweep_table(res, comp_mse):
    lines = ["| K | MSE | PSNR | fMSE | composite MSE ÷ MSE |", "|---|---|---|---|---|"]
    for k in sorted((x for x in res if x.startswith("k=")), key=lambda s: int(s[2:])):
        a = res[k]["all"]
        lines.append(f"| {k[2:]} | {f(a['mse'])} | {f(a['psnr'])} | {f(a['fmse'])} | {ratio(comp_mse, a['mse'])} |")
    return "\n".join(lines)


def ablation_table(res, comp_mse):
    lines = ["| run | seed | steps | images | wall (s) | MSE | PSNR | fMSE | composite MSE ÷ MSE |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r_ in res:
        for v, r in r_.items():
            if not v.startswith("abl"):
                continue
            a = r["all"]
            seed = r.get("seed", 0)
            lines.append(f"| {v} | {seed} | {r['step']} | {r['images_seen']} | {r['wall_s']:.0f} | {f(a['mse'])} | "
                         f"{f(a['psnr'])} | {f(a['fmse'])} | {ratio(comp_mse, a['mse'])} |")
    return "\n".join(lines)


def module_probe_table(res, comp_mse):
    p = res["module_probe"]
    lines = [f"Same weights ({NAMES[p['method']]}, K = {p['k']}, learned LD softmax temperature "
             f"{p['temperature']:.2f}), scored as trained and with one dynamic module switched off at inference:", "",
             "| variant | MSE | PSNR | fMSE | composite MSE ÷ MSE |", "|---|---|---|---|---|"]
    for v in ("as trained", "LD reference cut", "MGD kernels zero"):
        a = p[v]["all"]
        lines.append(f"| {v} | {f(a['mse'])} | {f(a['psnr'])} | {f(a['fmse'])} | {ratio(comp_mse, a['mse'])} |")
    prop = p.get("ld_propagation")
    if prop:
        stages = ", ".join(f"{name} {100 * v:.1f} %" for name, v in prop.items() if name != "output")
        lines += ["", f"Where LD's change goes (LD reference cut vs as trained; relative RMS change of the foreground "
                      f"features after each module): {stages}; harmonized foreground RMS change "
                      f"{prop['output']:.2f} (0..255)."]
    return "\n".join(lines)


def casts_table(res):
    """Where each real triplet's cast falls in the synthetic validation set's distribution (casts.py)."""
    pct = res["val_percentiles"]
    cols = ("dL", "da", "db", "sdL", "sda", "sdb", "cast", "fg")
    lines = ["| image | " + " | ".join(cols) + " | outside the val set's 5–95 % |", "|" + "---|" * (len(cols) + 2)]
    for name, t in sorted(res["triplets"].items()):
        cells = [f"{f(t['stats'][c])} ({t['rank'][c]:.0f} %)" for c in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {', '.join(t['outside_5_95']) or '–'} |")
    for p in ("p5", "p50", "p95"):
        lines.append(f"| val {p} (n={res['val_n']}) | " + " | ".join(f(pct[c][p]) for c in cols) + " | |")
    return "\n".join(lines)


def run_summary(run):
    p = os.path.join(RUNS, run, "log.jsonl")
    if not os.path.exists(p):
        return None
    recs = [r for r in (json.loads(x) for x in open(p) if x.strip()) if "step" in r]
    if not recs:
        return None
    last = recs[-1]
    vals = [r for r in recs if "val_mse" in r]
    ips = [r["img_per_s"] for r in recs if "img_per_s" in r]
    return {"steps": last["step"], "images": last["images_seen"], "wall_s": last["wall_s"],
            "machine": last["machine"], "img_per_s_median": sorted(ips)[len(ips) // 2] if ips else None,
            "last_val": vals[-1] if vals else None, "sizes": sorted({r["size"] for r in recs if r.get("size")})}


def released_runs():
    """The run folders of the models in models.json (other folders under runs/ are local experiments)."""
    with open(os.path.join(os.path.dirname(RUNS), "models.json")) as fh:
        return sorted(m["id"] for m in json.load(fh)["models"])


def main():
    val = load("val.json")
    out = []
    if val:
        comp = val["composite"]["val"]["all"]["mse"]
        out += ["### Fixed validation set (" + val["val_set"] + ")", "", val_table(val), ""]
        cb = cast_bucket_table(val)
        if cb:
            out += ["By the size of the composite's own cast (its fMSE): does a method leave nearly harmonious "
                    "objects alone?", "", cb, ""]
        if "triplets" in val["composite"]:
            out += ["### shared/data/eval/triplets (resized to 256×256)", "", triplet_table(val), ""]
        ks = load("ksweep.json")
        if ks:
            out += ["### K sweep (HDNet-lite, fixed val set)", "", ksweep_table(ks, comp), ""]
        probe = load("module-probe.json")
        if probe:
            out += ["### Module probe (HDNet-lite, fixed val set)", "", module_probe_table(probe, comp), ""]
        casts = load("casts.json")
        if casts:
            out += ["### Colour casts: real triplets vs the synthetic validation set", "",
                    "Foreground of composite vs real photo in CIE Lab (casts.py): mean shift dL, da, db (L 0..100), "
                    "standard-deviation ratio sdL, sda, sdb (composite ÷ real), cast size |dLab| and foreground "
                    "ratio; in brackets the triplet's percentile rank among the validation set's images.", "",
                    casts_table(casts), ""]
        abs_ = [x for x in (load("ablation.json"), load("ablation-s1.json")) if x]
        if abs_:
            out += ["### Ablation (HDNet-lite, identical short budget)", "", ablation_table(abs_, comp), ""]
    gen = load("generalisation.json")
    if gen:
        out += ["### Generalisation (held-out scenes; generalisation.py)", "", generalisation_tables(gen), ""]
    out += ["### Runs", "", "| run | steps | images seen | wall (s) | crop sizes | median img/s | machine |",
            "|---|---|---|---|---|---|---|"]
    for run in released_runs():
        s = run_summary(run)
        if s:
            out.append(f"| {run} | {s['steps']} | {s['images']} | {s['wall_s']:.0f} | {s['sizes']} | "
                       f"{f(s['img_per_s_median'], 1)} | {s['machine']} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
