"""A cohort on JupyterHub: the configuration a hub administrator installs, written from the cohort.

``actionlearning cohort hub NAME --trainer alice --out DIR`` writes::

    DIR/jupyterhub_config.py               one machine: each person's server runs as their own account
    DIR/jupyter/nbgrader_config.py         everyone's nbgrader: the exchange, courses from hub groups
    DIR/jupyter/jupyter_server_config.json everyone's terminals keep the workbook's environment
    DIR/jupyter-lab/                  what a trainee's JupyterLab leaves out (formgrader, authoring)
    DIR/kubernetes/values.yaml             Zero to JupyterHub's Helm values, beyond one machine
    DIR/kubernetes/exchange-volume.yaml    the exchange's shared volume (ReadWriteMany)
    DIR/kubernetes/Dockerfile              the trainees' image, from the workbook's requirements.txt

The shape is nbgrader's own for one course with several graders ("Using nbgrader with JupyterHub"):
hub groups ``formgrade-COURSE`` (trainers) and ``nbgrader-COURSE`` (trainees), roles giving the
trainers alone access to the course's formgrader service, which runs ``jupyterhub-singleuser`` as
the cohort's grader account in the cohort's folder, and one exchange. The course id is the
cohort's name. Pitfalls built in: the service is given ``JUPYTERHUB_USER`` (formgrader answers 500
without it, nbgrader #1872); the grader account is a hub user too (formgrader asks the hub about
it); JupyterHub passes almost nothing of its own environment on, so each server's PATH is set.
"""

from __future__ import annotations

import json
import pwd
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from actionlearning.cohort.problems import CohortError
from actionlearning.cohort.roster import USERNAME_PATTERN
from actionlearning.cohort.store import Cohort

AUTHENTICATORS = ("pam", "shared-password")
PASSWORD_ENV = "ACTIONLEARNING_HUB_PASSWORD"  # shared-password only: read when the hub starts
MAX_ACCOUNT = 32  # the longest account name useradd accepts
LAB_HIDDEN = {  # a trainee's Lab: no formgrader, no authoring toolbar
    "@jupyter/nbgrader:formgrader": True,
    "@jupyter/nbgrader:create-assignment": True,
}


@dataclass(frozen=True)
class HubPlan:
    """What a cohort's hub is made of. Ports are the hub's usual ones unless given."""

    cohort: Cohort
    trainers: tuple[str, ...]
    out: Path
    grader: str = ""  # the account formgrader runs as; default grader-NAME
    environment: Path = field(default_factory=lambda: Path(sys.prefix))  # made from requirements.txt
    proxy: str = ""  # configurable-http-proxy's path; default the one on PATH
    ip: str = "127.0.0.1"  # behind the organisation's HTTPS front door
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    service_port: int = 9999
    authenticator: str = "pam"
    idle_minutes: int = 60

    @property
    def course(self) -> str:
        return self.cohort.course_id

    @property
    def grader_account(self) -> str:
        return self.grader or f"grader-{self.cohort.name}"

    @property
    def trainees(self) -> list[str]:
        return [t.username or t.id for t in self.cohort.roster]

    @property
    def formgrade_group(self) -> str:
        return f"formgrade-{self.course}"

    @property
    def trainee_group(self) -> str:
        return f"nbgrader-{self.course}"

    def problems(self) -> list[str]:
        found = []
        if not self.trainers:
            found.append("name at least one trainer (--trainer USER), who will grade in formgrader")
        for name in (*self.trainers, self.grader_account):
            if not USERNAME_PATTERN.fullmatch(name) or len(name) > MAX_ACCOUNT:
                found.append(f"{name!r} cannot be an account name (letters, digits, '_', '.', '@' "
                             f"and '-', at most {MAX_ACCOUNT} characters): choose another with "
                             + ("--grader-account" if name == self.grader_account else "--trainer"))
        both = sorted(set(self.trainers) & set(self.trainees))
        if both:
            found.append(f"{', '.join(both)} cannot be both trainer and trainee: a trainee's account "
                         "must not reach formgrader")
        ports = (self.port, self.hub_port, self.proxy_api_port, self.service_port)
        if len(set(ports)) < len(ports):
            found.append(f"the hub, its API, the proxy's API and formgrader need four different ports, not "
                         f"{', '.join(map(str, ports))}")
        if self.authenticator not in AUTHENTICATORS:
            found.append(f"the authenticator must be one of {', '.join(AUTHENTICATORS)}, not {self.authenticator!r}")
        if not (self.environment / "bin" / "jupyterhub-singleuser").is_file():
            found.append(f"{self.environment} has no jupyterhub-singleuser: point --environment at the "
                         "virtual environment made from the workbook's requirements.txt")
        return found


def plan_problems(plan: HubPlan) -> None:
    problems = plan.problems()
    if problems:
        raise CohortError("Cannot write the hub's configuration:\n" + "\n".join(f"- {p}" for p in problems))


def _path(plan: HubPlan) -> str:
    return f"{plan.environment / 'bin'}:/usr/local/bin:/usr/bin:/bin"


def roles(plan: HubPlan) -> list[dict]:
    """The hub's roles: trainers reach formgrader; trainees may see the course, not enter it."""
    course = plan.course
    return [
        {"name": plan.formgrade_group, "groups": [plan.formgrade_group],
         "scopes": [f"access:services!service={course}", "list:services", f"read:services!service={course}"]},
        {"name": plan.trainee_group, "groups": [plan.trainee_group],
         "scopes": ["list:services", f"read:services!service={course}"]},
        # a person's own server may ask the hub who they are and which groups they are in
        {"name": "server", "scopes": ["inherit"]},
        {"name": f"service-{course}", "services": [course],
         "scopes": ["list:users", "read:users", "list:groups", "read:groups", f"groups!group={plan.trainee_group}"]},
        {"name": "idle-culler", "services": ["idle-culler"],
         "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    ]


def groups(plan: HubPlan) -> dict:
    return {plan.formgrade_group: {"users": [*plan.trainers, plan.grader_account]},
            plan.trainee_group: {"users": plan.trainees}}


def jupyterhub_config(plan: HubPlan) -> str:
    """The single machine's jupyterhub_config.py: plain values an administrator can read and edit."""
    cohort, course, out = plan.cohort, plan.course, plan.out.resolve()
    bin_ = plan.environment / "bin"
    services = [
        {"name": course, "url": f"http://127.0.0.1:{plan.service_port}",
         "command": [str(bin_ / "jupyterhub-singleuser"), f"--ServerApp.root_dir={cohort.root}"],
         "user": plan.grader_account, "cwd": str(cohort.root), "oauth_no_confirm": True,
         "environment": {"PATH": _path(plan), "JUPYTER_CONFIG_PATH": str(out / "jupyter"),
                         "JUPYTERHUB_USER": plan.grader_account, "JUPYTERHUB_DEFAULT_URL": "/formgrader"}},
        {"name": "idle-culler",
         "command": [str(bin_ / "python"), "-m", "jupyterhub_idle_culler", f"--timeout={plan.idle_minutes * 60}"],
         "environment": {"PATH": _path(plan)}},
    ]
    if plan.authenticator == "pam":
        login = ('c.JupyterHub.authenticator_class = "pam"  # the machine\'s own accounts and passwords;\n'
                 "# for single sign-on, install oauthenticator and set it here (see the trainers' page)")
    else:
        login = ('# A shared password for a trial or a test, read from the environment when the hub starts\n'
                 'c.JupyterHub.authenticator_class = "shared-password"\n'
                 f'c.SharedPasswordAuthenticator.user_password = os.environ["{PASSWORD_ENV}"]')
    pretty = lambda value: json.dumps(value, indent=4, ensure_ascii=False)  # noqa: E731 (JSON is Python here)
    return f'''"""JupyterHub for the cohort {cohort.name!r}, written by `actionlearning cohort hub`.

Trainers: {", ".join(plan.trainers)} (formgrader, as the account {plan.grader_account}).
Trainees: {len(plan.trainees)}, from the cohort's roster. Start it as root, from this folder:
    jupyterhub -f {out / "jupyterhub_config.py"}
Write it again after the roster changes; see "Running a cohort on JupyterHub" in the handbook.
"""

import os

true, false, null = True, False, None  # the values below are JSON
c = get_config()  # noqa: F821

c.JupyterHub.ip = {plan.ip!r}
c.JupyterHub.port = {plan.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {plan.hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{plan.proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{plan.proxy or shutil.which("configurable-http-proxy") or "configurable-http-proxy"!r}]
c.JupyterHub.db_url = "sqlite:///{out / "state" / "jupyterhub.sqlite"}"
c.JupyterHub.cookie_secret_file = "{out / "state" / "jupyterhub_cookie_secret"}"
c.ConfigurableHTTPProxy.pid_file = "{out / "state" / "proxy.pid"}"

{login}
c.Authenticator.allowed_users = set({pretty(sorted({*plan.trainers, *plan.trainees, plan.grader_account}))})
c.Authenticator.admin_users = set()

# Each person's JupyterLab runs as their own account: nbgrader's exchange knows them by it.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = ["{bin_ / "jupyterhub-singleuser"}"]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"


def private_home(spawner):
    """A person's home holds their reflections, as confidential as a set: before their server
    starts, nobody else may read it (many systems make homes readable by all)."""
    import pwd
    import stat

    home = pwd.getpwnam(spawner.user.name).pw_dir
    mode = stat.S_IMODE(os.stat(home).st_mode)
    if mode & 0o077:
        os.chmod(home, mode & 0o700)


c.Spawner.pre_spawn_hook = private_home
c.Spawner.environment = {{
    "PATH": "{_path(plan)}",
    # a trainee's Lab leaves out formgrader and authoring, over everyone's nbgrader settings
    "JUPYTER_CONFIG_PATH": "{out / "jupyter-lab"}:{out / "jupyter"}",
}}

c.JupyterHub.load_groups = {pretty(groups(plan))}

c.JupyterHub.load_roles = {pretty(roles(plan))}

c.JupyterHub.services = {pretty(services)}
'''


def nbgrader_config(plan: HubPlan) -> str:
    return f'''"""Everyone's nbgrader on the hub, written by `actionlearning cohort hub`: one exchange, and
each person's courses read from their hub groups (formgrade-COURSE, nbgrader-COURSE)."""

c = get_config()  # noqa: F821
c.Exchange.root = {plan.cohort.exchange!r}
c.Exchange.path_includes_course = True  # a trainee's copy goes in {plan.course}/SESSION
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"
'''


# A terminal opened in JupyterLab under a hub is a login shell unless a shell is named, and a login
# shell's /etc/profile puts PATH back to the system's, losing the workbook's environment (and with
# it the `actionlearning` command the trainers' page has them type).
SHARED_SERVER_SETTINGS = {"ServerApp": {"terminado_settings": {"shell_command": ["/bin/bash"]}}}


def lab_settings() -> dict[str, str]:
    """What a trainee's server and Lab leave out, as files under jupyter-lab/."""
    return {
        "jupyter_server_config.json": json.dumps(
            {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False}}}, indent=2),
        "labconfig/page_config.json": json.dumps({"disabledExtensions": LAB_HIDDEN}, indent=2),
    }


# --- beyond one machine: Zero to JupyterHub ----------------------------------------------------

EXCHANGE_MOUNT = "/srv/nbgrader/exchange"
IMAGE = "actionlearning-trainee"


def helm_values(plan: HubPlan) -> dict:
    """Zero to JupyterHub's values for the cohort. Every trainee's pod mounts the exchange (one
    ReadWriteMany volume); formgrader is the grader account's own server, which trainers may open."""
    course, grader = plan.course, plan.grader_account
    k8s_roles = {r["name"]: {k: v for k, v in r.items() if k != "name"} for r in roles(plan)
                 if r["name"] not in ("idle-culler", f"service-{course}")}  # the chart culls by itself
    k8s_roles[plan.formgrade_group]["scopes"] = [f"access:servers!user={grader}", f"read:users!user={grader}"]
    k8s_roles[plan.trainee_group]["scopes"] = ["self"]
    return {
        "hub": {
            "config": {
                "JupyterHub": {"authenticator_class": "azuread"},
                "Authenticator": {"allowed_users": sorted({*plan.trainers, *plan.trainees, grader}),
                                  "admin_users": []},
            },
            "loadRoles": k8s_roles,
            "extraConfig": {"actionlearning-groups": f"c.JupyterHub.load_groups = {groups(plan)!r}\n",
                            "actionlearning-formgrader": GRADER_SERVER.format(
                                grader=grader, folder=f"/home/jovyan/cohorts/{plan.cohort.name}")},
            "db": {"type": "sqlite-pvc"},
        },
        "singleuser": {
            "image": {"name": IMAGE, "tag": "latest"},
            "defaultUrl": "/lab",
            "memory": {"guarantee": "1G", "limit": "2G"},
            "cpu": {"guarantee": 0.1, "limit": 1},
            "storage": {
                "capacity": "2Gi",
                "extraVolumes": [{"name": "exchange", "persistentVolumeClaim": {"claimName": "nbgrader-exchange"}}],
                "extraVolumeMounts": [{"name": "exchange", "mountPath": EXCHANGE_MOUNT}],
            },
            "extraFiles": {"nbgrader": {"mountPath": "/etc/jupyter/nbgrader_config.py", "stringData": (
                nbgrader_config(plan).replace(repr(plan.cohort.exchange), repr(EXCHANGE_MOUNT)))}},
        },
        "cull": {"enabled": True, "timeout": plan.idle_minutes * 60, "every": 300},
        "scheduling": {"userScheduler": {"enabled": True}, "podPriority": {"enabled": True},
                       "userPlaceholder": {"enabled": True, "replicas": 2}},
    }


# The grader account's server is the cohort's formgrader: it starts in the cohort's folder (made
# there with `actionlearning cohort create --home /home/jovyan/cohorts`) and opens formgrader.
GRADER_SERVER = """def actionlearning_formgrader(spawner):
    if spawner.user.name == {grader!r}:
        spawner.args = [*spawner.args, "--ServerApp.root_dir={folder}"]
        spawner.default_url = "/formgrader"


c.KubeSpawner.pre_spawn_hook = actionlearning_formgrader
"""


EXCHANGE_VOLUME = """# The nbgrader exchange, shared by every trainee's pod and the grader's: ReadWriteMany, so
# an NFS, CephFS or cloud file share (Azure Files, Amazon EFS, Google Filestore), not a disk.
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: nbgrader-exchange
spec:
  accessModes: [ReadWriteMany]
  resources:
    requests:
      storage: 10Gi
"""


DOCKERFILE = f"""# The trainees' image for Zero to JupyterHub, from the workbook's own requirements.txt.
# Build it from the workbook's folder: docker build -f kubernetes/Dockerfile -t {IMAGE} .
FROM quay.io/jupyter/base-notebook:python-3.11
COPY --chown=${{NB_UID}}:${{NB_GID}} . /opt/workbook
WORKDIR /opt/workbook
RUN pip install --no-cache-dir -r requirements.txt
# the grading sandbox (the cluster must let a pod make user namespaces)
USER root
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap && rm -rf /var/lib/apt/lists/*
USER ${{NB_UID}}
WORKDIR /home/jovyan
"""

VALUES_HEADER = """# Zero to JupyterHub (the jupyterhub/jupyterhub Helm chart, 4.x) for the cohort {name!r}, written
# by `actionlearning cohort hub`. Sign-in is the organisation's Microsoft Entra ID (Azure AD): give
# its tenant, client id and secret at install, never in this file:
#   helm upgrade --install hub jupyterhub/jupyterhub --values values.yaml \\
#     --set hub.config.AzureAdOAuthenticator.tenant_id=... --set hub.config.AzureAdOAuthenticator.client_id=... \\
#     --set hub.config.AzureAdOAuthenticator.client_secret=... \\
#     --set hub.config.AzureAdOAuthenticator.oauth_callback_url=https://HUB/hub/oauth_callback
# How it scales, and what to change for 30, 300 and 3,000 trainees: "Running a cohort on
# JupyterHub" in the handbook.
"""


def write_hub(plan: HubPlan) -> list[Path]:
    """Write every file of the cohort's hub configuration under ``plan.out``; the files written."""
    plan_problems(plan)
    out = plan.out
    files = {
        "jupyterhub_config.py": jupyterhub_config(plan),
        "jupyter/nbgrader_config.py": nbgrader_config(plan),
        "jupyter/jupyter_server_config.json": json.dumps(SHARED_SERVER_SETTINGS, indent=2),
        **{f"jupyter-lab/{name}": text for name, text in lab_settings().items()},
        "kubernetes/values.yaml": VALUES_HEADER.format(name=plan.cohort.name)
                                  + yaml.safe_dump(helm_values(plan), sort_keys=False, width=100),
        "kubernetes/exchange-volume.yaml": EXCHANGE_VOLUME,
        "kubernetes/Dockerfile": DOCKERFILE,
    }
    written = []
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(path)
    (out / "state").mkdir(mode=0o700, exist_ok=True)
    return written


def folder_owner_problem(plan: HubPlan) -> str:
    """Why the grader account could not run formgrader in the cohort's folder, if it could not."""
    try:
        owner = pwd.getpwuid(plan.cohort.root.stat().st_uid).pw_name
    except KeyError:
        owner = str(plan.cohort.root.stat().st_uid)
    if owner == plan.grader_account:
        return ""
    return (f"The cohort's folder {plan.cohort.root} belongs to {owner}, but formgrader runs as "
            f"{plan.grader_account}: create the cohort as that account, or give it the folder "
            f"(chown -R {plan.grader_account}: {plan.cohort.root}).")
