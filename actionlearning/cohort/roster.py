"""A cohort's roster: a CSV file with the header ``id,first_name,last_name,email``, and
optionally ``username``: the computer account a trainee submits from on a shared exchange, when
it is not their id.

Every problem is reported with its line number, all at once, so a trainer fixes the file in
one go; a roster with any problem creates nothing. Names are free text (apostrophes, hyphens
and accents are welcome); ids are what nbgrader and the exchange use, so they are kept to
lower-case letters, digits, ``-`` and ``_``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from actionlearning.cohort.problems import CohortError

COLUMNS = ("id", "first_name", "last_name", "email")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
MAX_ID_LENGTH = 64
USERNAME = "username"  # optional column
# An account name as shared servers allow it; never "+" (the exchange's separator) or "/".
USERNAME_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@-]*")


def is_valid_id(value: str) -> bool:
    """An id of lower-case letters, digits, ``-`` and ``_`` (not starting with ``-``/``_``)."""
    return len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value) is not None


def id_problem(value: str) -> str | None:
    """Why ``value`` is not a valid id, or None."""
    if not value:
        return "the id is empty"
    if len(value) > MAX_ID_LENGTH:
        return f"the id {value!r} is longer than {MAX_ID_LENGTH} characters"
    if not is_valid_id(value):
        hint = f" (perhaps {value.lower()!r}?)" if is_valid_id(value.lower()) else ""
        return (f"the id {value!r} may contain only lower-case letters, digits, '-' and '_', "
                f"and must start with a letter or digit{hint}")
    return None


@dataclass(frozen=True)
class Trainee:
    id: str
    first_name: str
    last_name: str
    email: str = ""
    username: str = ""  # the account they submit from on a shared exchange, when not their id

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def account(self) -> str:
        """The computer account whose submissions are this trainee's."""
        return self.username or self.id


class RosterError(CohortError):
    """The roster has problems: ``problems`` lists (line, message) pairs."""

    def __init__(self, path: Path | str, problems: list[tuple[int, str]]):
        self.path = Path(path)
        self.problems = problems
        lines = "\n".join(f"  {self.path.name}, line {n}: {msg}" for n, msg in problems)
        super().__init__(
            f"The roster {self.path} has {len(problems)} problem(s); nothing was created:\n{lines}\n"
            "Fix these lines (save the file as 'CSV UTF-8' from a spreadsheet) and run the command again."
        )


def _shown(value: str) -> str:
    """A value with its control characters made visible, for a message."""
    return repr(value.encode("unicode_escape").decode("ascii"))


def read_roster(path: Path | str) -> list[Trainee]:
    """The trainees of a roster file, in file order; raises :class:`RosterError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CohortError(f"Cannot read the roster {path}: {exc.strerror}. Check the file name.") from exc
    return parse_roster(data, path)


def parse_roster(data: bytes, path: Path | str = "roster.csv") -> list[Trainee]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RosterError(path, [(line, (
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}); the file was "
            "probably saved in another encoding such as Windows-1252: save it as 'CSV UTF-8'"
        ))]) from None
    if not text.strip():
        raise RosterError(path, [(1, "the file is empty; it needs the header " + ",".join(COLUMNS))])

    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[tuple[int, str]] = []
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise RosterError(path, [(1, f"not readable as CSV ({exc})")]) from None
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RosterError(path, [(1, (
            f"the header lacks the column(s) {', '.join(missing)}; it must start with "
            f"{','.join(COLUMNS)} (found: {','.join(header) or 'nothing'})"
        ))])
    duplicated = sorted({h for h in header if header.count(h) > 1 and h in (*COLUMNS, USERNAME)})
    if duplicated:
        raise RosterError(path, [(1, f"the header repeats the column(s) {', '.join(duplicated)}")])
    index = {c: header.index(c) for c in (*COLUMNS, USERNAME) if c in header}

    trainees: list[Trainee] = []
    seen: dict[str, int] = {}
    accounts: dict[str, int] = {}  # every id and username, which must name one trainee each
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines are harmless
            if len(row) < len(header):
                problems.append((line, (
                    f"{len(row)} field(s) where the header has {len(header)}; "
                    "a comma may be missing, or a name with a comma needs quotes"
                )))
                continue
            if len(row) > len(header):
                problems.append((line, (
                    f"{len(row)} fields where the header has {len(header)}; a name containing a "
                    'comma must be in double quotes, e.g. "Smith, Jr"'
                )))
                continue
            values = {c: row[i].strip() for c, i in index.items()}
            values.setdefault(USERNAME, "")
            why = id_problem(values["id"])
            fresh = not why and values["id"] not in seen
            if why:
                problems.append((line, why))
            elif not fresh:
                problems.append((line, f"the id {values['id']!r} is already used on line {seen[values['id']]}"))
            else:
                seen[values["id"]] = line
            problems += [(line, why) for why in _account_problems(
                values["id"] if fresh else "", values[USERNAME], line, accounts)]
            for column in ("first_name", "last_name", "email"):
                if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in values[column]):
                    problems.append((line, f"{column} holds a control character {_shown(values[column])} "
                                           "(a tab, a line break or an invisible code): retype it"))
            if not values["first_name"] and not values["last_name"]:
                problems.append((line, "the trainee has no name: fill in first_name or last_name"))
            if values["email"] and not EMAIL_PATTERN.fullmatch(values["email"]):
                problems.append((line, f"the email {values['email']!r} does not look like an address"))
            trainees.append(Trainee(values["id"], values["first_name"], values["last_name"], values["email"],
                                    values[USERNAME]))
    except csv.Error as exc:
        problems.append((reader.line_num, f"not readable as CSV ({exc}); check the quotes on this line"))
    if problems:
        raise RosterError(path, problems)
    if not trainees:
        raise RosterError(path, [(2, "the roster has a header but no trainees")])
    return trainees


def _account_problems(tid: str, username: str, line: int, accounts: dict[str, int]) -> list[str]:
    """What is wrong with a trainee's username, and whether it or their id names someone else:
    a submission in the exchange must name one trainee only."""
    problems = []
    if username and (len(username) > MAX_ID_LENGTH or not USERNAME_PATTERN.fullmatch(username)):
        problems.append(f"the username {_shown(username)} is not an account name: letters, digits, "
                        "'.', '_', '-' and '@' only, up to 64 characters")
        username = ""
    for name in dict.fromkeys(filter(None, (tid, username))):
        if name in accounts and accounts[name] != line:
            problems.append(f"{name!r} already names the trainee on line {accounts[name]} (as an id "
                            "or a username); each account submits for one trainee only")
        accounts.setdefault(name, line)
    return problems


def write_roster(trainees: list[Trainee], path: Path) -> None:
    """Write a roster in the same format it is read in (UTF-8, with the standard header; the
    username column only when someone has one)."""
    usernames = any(t.username for t in trainees)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow((*COLUMNS, USERNAME) if usernames else COLUMNS)
        for t in trainees:
            writer.writerow([t.id, t.first_name, t.last_name, t.email] + ([t.username] if usernames else []))
