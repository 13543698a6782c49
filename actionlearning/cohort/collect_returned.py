"""Collect from returned files: a zip or folder of notebooks that came back by email or from a
learning platform, matched to trainees and copied in by nbgrader's ZipCollect.

What the trainer gave is only read: it is copied once into ``downloaded/`` and worked on there."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.returned import ReturnedFile, left_out, plan_returned
from actionlearning.cohort.status import (
    DOWNLOADED,
    SUBMITTED,
    digest,
    read_timestamp,
    submission_dir,
)
from actionlearning.cohort.store import Cohort
from actionlearning.cohort.untrusted import (
    Skipped,
    copy_tree,
    printable,
    regular_files,
    unpack_zip,
    unpack_zips_in,
)


def _stage(cohort: Cohort, source: Path, archive: Path) -> list[Skipped]:
    """Copy what the trainer gave into nbgrader's archive folder as plain files and folders (zips
    unpacked, bounded; links, pipes and devices left out, each reported), once: a rerun with the
    same content reuses it. nbgrader's extractor then has nothing to unpack."""
    if not source.exists():
        raise CohortError(f"{printable(str(source))} does not exist; give the zip file or folder of returned notebooks.")
    shown = printable(source.name)
    archive.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=archive.parent, prefix=".staging-"))
    try:
        if source.is_file():
            if not zipfile.is_zipfile(source):
                if source.suffix == ".ipynb":
                    raise CohortError(f"{shown} is a single notebook: put it in a folder and give the folder. "
                                      "Nothing was collected.")
                raise CohortError(f"{shown} is not a zip file (it may be damaged or still downloading). Nothing "
                                  "was collected: download it again, or give the folder of notebooks instead.")
            skipped = unpack_zip(source, staging / "given", zone=cohort.timezone, label=shown)
        elif source.is_dir():
            skipped = copy_tree(source, staging / "given", label=shown)
            skipped += unpack_zips_in(staging / "given", zone=cohort.timezone, label=shown)
        else:
            raise CohortError(f"{shown} is neither a zip file nor a folder. Nothing was collected: give "
                              "the zip or folder of returned notebooks.")
        files, _ = regular_files(staging / "given")
        if not files and not skipped:
            raise CohortError(f"{shown} holds no files, so nothing was collected.")
        listing = sorted((str(p.relative_to(staging)), digest(p)) for p in files)
        label = hashlib.sha256(json.dumps(listing).encode()).hexdigest()[:10]
        target = archive / f"{Path(source.name).stem}-{label}"
        if files and not target.exists():
            os.replace(staging / "given", target)
        return skipped
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _zip_collect(cohort: Cohort, session: str, step: str, plan: dict):
    """Run one step of nbgrader's ZipCollect ("extract" or "transfer") on the cohort."""
    from nbgrader.apps.zipcollectapp import ZipCollectApp
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import capture_log

    from actionlearning.cohort.returned import ReturnedCollector, ReturnedExtractor

    class CohortZipCollect(ZipCollectApp):
        def start(self):  # ZipCollectApp.start, one step at a time
            self.init_plugins()
            if step == "extract":
                self.extract_archive_files()
            else:
                self.process_extracted_files()

    config = nbgrader_course.nbgrader_config(
        cohort,
        ZipCollectApp={"force": True, "downloaded_directory": DOWNLOADED,
                       "extractor_plugin": ReturnedExtractor, "collector_plugin": ReturnedCollector},
        ExtractorPlugin={"force": True, "zip_ext": []},  # zips were unpacked, bounded, when staged
        ReturnedCollector={"plan": plan},
    )
    with nbgrader_course.quiet():
        app = CohortZipCollect(config=config)
        for handler in list(app.log.handlers):
            app.log.removeHandler(handler)
        app.log.setLevel("INFO")
        app.coursedir = CourseDirectory(config=config, parent=app)
        app.coursedir.assignment_id = session
        return capture_log(app)


def collect_returned(cohort: Cohort, session: str, source: Path, api, records: Records):
    downloaded = cohort.root / DOWNLOADED / session
    skipped = _stage(cohort, source, downloaded / "archive")
    extracted = downloaded / "extracted"
    result = _zip_collect(cohort, session, "extract", {})
    log = keep_log(records, "_returned", "extract", result)
    if not result.get("success"):
        raise CohortError(f"nbgrader could not extract {printable(str(source))}: {nbgrader_course.last_words(result, 3)} "
                          f"(full log: {log}). Nothing was collected.")
    files = []
    for path in regular_files(extracted)[0]:
        files.append(ReturnedFile(
            path=path, shown=_shown(path.relative_to(extracted)),
            modified=datetime.fromtimestamp(path.stat().st_mtime, timezone.utc), digest=digest(path)))
    roster = cohort.roster
    notebooks = [p.name for p in nbgrader_course.release_notebooks(cohort, session)]
    existing = {}
    for t in roster:
        folder = submission_dir(cohort, session, t.id)
        if folder.is_dir():
            when = read_timestamp(folder)
            existing[t.id] = (when.replace(tzinfo=timezone.utc) if when else None,
                              {n: digest(folder / n) for n in notebooks if (folder / n).is_file()})
    plan = plan_returned(files, [t.id for t in roster], notebooks, existing)
    left_out(plan, skipped, source.name, [t.id for t in roster], notebooks)
    chosen = {os.path.normpath(path): [tid, nb, when.isoformat()] for path, (tid, nb, when) in plan.chosen.items()}
    outcome = {}
    if chosen:
        result = _zip_collect(cohort, session, "transfer", chosen)
        log = keep_log(records, "_returned", "transfer", result)
        if not result.get("success"):
            raise CohortError(f"nbgrader could not copy the returned notebooks into {SUBMITTED}/: "
                              f"{nbgrader_course.last_words(result, 3)} (full log: {log}).")
    collected = {tid for tid, _, _ in plan.chosen.values()}
    for t in roster:
        problems = plan.problems.get(t.id, [])
        records.set(t.id, "returned", problems, source=str(source))
        if t.id in collected:
            outcome[t.id] = f"collected from {source.name}"
        elif any(p.fatal for p in problems):
            outcome[t.id] = "could not collect"
        elif t.id in existing:
            outcome[t.id] = "nothing new"
        else:
            outcome[t.id] = f"nothing in {source.name}"
    records.set_unmatched("returned", plan.unmatched)
    return outcome, plan.unmatched


def _shown(relative: Path) -> str:
    """A returned file's name as the trainer knows it (without nbgrader's archive label), printable."""
    parts = list(relative.parts)
    if parts and "-" in parts[0]:
        parts[0] = parts[0].rsplit("-", 1)[0]
    return printable("/".join(parts))
