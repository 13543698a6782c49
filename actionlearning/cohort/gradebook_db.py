"""Where a cohort's gradebook lives.

By default, nbgrader's sqlite file in the cohort's own folder: right for one trainer on a laptop.
On a shared server with several graders (a JupyterHub), a PostgreSQL database instead, named by a
URL such as ``postgresql://grader@db.example.org/spring_2026`` or, over a local socket,
``postgresql:///spring_2026?host=/var/run/postgresql``. The URL is checked, and its database made
if it is missing, before the cohort is created; nbgrader then reads and writes it through
SQLAlchemy and psycopg 3, exactly as it does the sqlite file.

A password never goes in the URL, which is written into the cohort's settings: libpq reads it
from the grader's ``~/.pgpass`` (or ``PGPASSFILE``) instead.
"""

from __future__ import annotations

from pathlib import Path

from actionlearning.cohort.problems import CohortError

SQLITE_FILE = "gradebook.db"
DRIVER = "postgresql+psycopg"  # SQLAlchemy's name for PostgreSQL through psycopg 3
DATABASE_PREFIX = "actionlearning_"  # a cohort's database when the URL names none
MAINTENANCE_DATABASE = "postgres"  # where CREATE DATABASE is run from


def sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / SQLITE_FILE}"


def checked_url(url: str, cohort: str) -> str:
    """``url`` as SQLAlchemy should read it, for the cohort ``cohort``; raises saying what to
    change when it names no PostgreSQL server, carries a password, or is malformed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CohortError(f"Cannot read the database URL {url!r} ({exc}). Write it as "
                          "postgresql://USER@HOST[:PORT]/DATABASE.") from exc
    if parsed.get_backend_name() != "postgresql":
        raise CohortError(f"The database URL {url!r} is not PostgreSQL's. Leave --database out for "
                          "the gradebook file in the cohort's folder, or write "
                          "postgresql://USER@HOST[:PORT]/DATABASE.")
    if parsed.get_driver_name() not in ("psycopg", "psycopg2"):  # plain postgresql:// reads as psycopg2
        raise CohortError(f"The database URL {url!r} asks for the driver {parsed.get_driver_name()!r}; "
                          "the workbook connects through psycopg 3: write postgresql://...")
    if parsed.password is not None:
        raise CohortError("The database URL carries a password, and it would be written into the "
                          "cohort's settings. Take it out of the URL and put it in ~/.pgpass "
                          "(a line HOST:PORT:DATABASE:USER:PASSWORD, chmod 600), where PostgreSQL "
                          "looks for it.")
    return parsed.set(drivername=DRIVER, database=parsed.database or DATABASE_PREFIX + cohort) \
        .render_as_string(hide_password=False)


def describe_gradebook(cohort) -> str:
    """Where ``cohort``'s gradebook is, in words."""
    if not cohort.database:
        return f"the file {SQLITE_FILE} in its folder"
    from sqlalchemy.engine import make_url

    parsed = make_url(cohort.database)
    where = parsed.host or parsed.query.get("host") or "the local socket"
    return f"the PostgreSQL database {parsed.database!r} at {where}"


def _connection_settings(url: str) -> dict:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    settings = {"host": parsed.host, "port": parsed.port, "user": parsed.username}
    settings.update({k: v for k, v in parsed.query.items() if isinstance(v, str)})
    return {k: v for k, v in settings.items() if v is not None}


def ensure_database(url: str) -> bool:
    """Make the database ``url`` names if it is missing; True if it was made. Raises saying what
    to do when the server cannot be reached or refuses."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    settings = _connection_settings(url)
    where = settings.get("host") or "the local socket"
    try:
        with psycopg.connect(dbname=MAINTENANCE_DATABASE, autocommit=True, connect_timeout=10,
                             **settings) as connection:
            found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if found:
                return False
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    except psycopg.errors.InsufficientPrivilege as exc:
        raise CohortError(f"PostgreSQL at {where} would not let {settings.get('user', 'you')} create the "
                          f"database {name!r}: ask its administrator to create it, owned by the "
                          "account the trainer grades as, then run the command again.") from exc
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CohortError(f"Cannot reach PostgreSQL at {where} to prepare the gradebook ({reason}). "
                          "Check that the server is running and the URL's host, port and user are "
                          "right; nothing was created.") from exc
