"""Collect from returned files: a zip or folder of notebooks that came back by email or from a
learning platform, matched to trainees and copied in by nbgrader's ZipCollect.

What the trainer gave is only read: it is copied once into ``downloaded/`` and worked on there."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from actionlearning.cohort import nbgrader_course
from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.records import Records, keep_log
from actionlearning.cohort.returned import ReturnedFile, plan_returned
from actionlearning.cohort.status import (
    DOWNLOADED,
    SUBMITTED,
    digest,
    read_timestamp,
    submission_dir,
)
from actionlearning.cohort.store import Cohort


def _stage(source: Path, archive: Path) -> Path:
    """Copy what the trainer gave into nbgrader's archive folder, once (reruns reuse it)."""
    if not source.exists():
        raise CohortError(f"{source} does not exist; give the zip file or folder of returned notebooks.")
    archive.mkdir(parents=True, exist_ok=True)
    if source.is_file():
        if not zipfile.is_zipfile(source):
            if source.suffix == ".ipynb":
                raise CohortError(f"{source} is a single notebook: put it in a folder and give the folder.")
            raise CohortError(f"{source} is not a zip file (it may be damaged or still downloading); "
                              "download it again, or give the folder of notebooks instead.")
        try:
            with zipfile.ZipFile(source) as zf:
                bad = zf.testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            raise CohortError(f"The zip file {source} is damaged ({exc}); download it again.") from exc
        if bad:
            raise CohortError(f"The zip file {source} is damaged at {bad!r}; download it again.")
        target = archive / f"{source.stem}-{digest(source)[:10]}.zip"
        if not target.exists():
            shutil.copy2(source, target)
        return target
    listing = sorted(
        (str(p.relative_to(source)), digest(p)) for p in source.rglob("*") if p.is_file())
    if not listing:
        raise CohortError(f"The folder {source} is empty.")
    label = hashlib.sha256(json.dumps(listing).encode()).hexdigest()[:10]
    target = archive / f"{source.name}-{label}"
    if not target.exists():
        shutil.copytree(source, target.with_name(target.name + ".partial"), copy_function=shutil.copy2,
                        dirs_exist_ok=True)
        os.replace(target.with_name(target.name + ".partial"), target)
    return target


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
        ExtractorPlugin={"force": True},
        ReturnedExtractor={"timezone": cohort.timezone},
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
    _stage(source, downloaded / "archive")
    extracted = downloaded / "extracted"
    result = _zip_collect(cohort, session, "extract", {})
    log = keep_log(cohort, session, "_returned", "extract", result)
    if not result.get("success"):
        raise CohortError(f"nbgrader could not extract {source}: {nbgrader_course.last_words(result, 3)} "
                          f"(full log: {log}). Nothing was collected.")
    files = []
    for path in sorted(p for p in extracted.rglob("*") if p.is_file()):
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
    chosen = {os.path.normpath(path): [tid, nb, when.isoformat()] for path, (tid, nb, when) in plan.chosen.items()}
    outcome = {}
    if chosen:
        result = _zip_collect(cohort, session, "transfer", chosen)
        log = keep_log(cohort, session, "_returned", "transfer", result)
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
    """A returned file's name as the trainer knows it: without nbgrader's archive label."""
    parts = list(relative.parts)
    if parts and "-" in parts[0]:
        parts[0] = parts[0].rsplit("-", 1)[0]
    return "/".join(parts)
