"""`actionlearning cohort hub`: the JupyterHub configuration written from a cohort. Read back as
JupyterHub reads it: trainers (and the grader account) reach formgrader and trainees do not;
every trainee on the roster may sign in, under the account the exchange knows them by; the
scopes and role names are ones JupyterHub accepts; the Kubernetes values parse and their
formgrader hook touches only the grader's server. The hub itself runs in tests/hub."""

from __future__ import annotations

import ast
import contextlib
import io
import json
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from actionlearning.cli import main
from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.hub import HubPlan, roles, write_hub
from actionlearning.cohort.problems import CohortError
from tests import cohort_support as ts


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hub")
    roster = tmp / "roster.csv"
    roster.write_text(ts.DATA.joinpath("roster-12.csv").read_text("utf-8"), "utf-8")
    return create_cohort(tmp / "home", "spring-2026", roster, 9, date.today() - timedelta(days=3),
                         exchange=str(tmp / "exchange"))


@pytest.fixture(scope="module")
def written(cohort, tmp_path_factory):
    out = tmp_path_factory.mktemp("hub-config")
    plan = HubPlan(cohort=cohort, trainers=("aoife-trainer", "dev-cotrainer"), out=out)
    write_hub(plan)
    config = PyFileConfigLoader("jupyterhub_config.py", path=str(out)).load_config()
    return plan, out, config


def test_trainers_reach_formgrader_and_trainees_do_not(written):
    plan, _, c = written
    course = plan.course
    groups = c.JupyterHub.load_groups
    assert groups[f"formgrade-{course}"]["users"] == ["aoife-trainer", "dev-cotrainer", "grader-spring-2026"]
    assert sorted(groups[f"nbgrader-{course}"]["users"]) == sorted(plan.trainees)
    by_name = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert f"access:services!service={course}" in by_name[f"formgrade-{course}"]["scopes"]
    assert not any(s.startswith("access:") for s in by_name[f"nbgrader-{course}"]["scopes"])
    service = next(s for s in c.JupyterHub.services if s["name"] == course)
    assert service["user"] == "grader-spring-2026" and service["cwd"] == str(plan.cohort.root)
    assert service["environment"]["JUPYTERHUB_USER"] == "grader-spring-2026"  # nbgrader #1872


def test_every_trainee_signs_in_as_the_account_the_exchange_knows(written):
    plan, _, c = written
    usernames = {t.username or t.id for t in plan.cohort.roster}
    assert len(usernames) == 12
    assert c.Authenticator.allowed_users == usernames | {"aoife-trainer", "dev-cotrainer", "grader-spring-2026"}
    assert c.Authenticator.admin_users == set()
    assert c.JupyterHub.spawner_class == "localprocess"  # each server as its own account
    assert Path(c.Spawner.cmd[0]).is_file()


def test_jupyterhub_accepts_the_roles_and_scopes(written):
    from jupyterhub.roles import _validate_role_name
    from jupyterhub.scopes import _check_scopes_exist

    _, _, c = written
    for role in c.JupyterHub.load_roles:
        assert _validate_role_name(role["name"])
        _check_scopes_exist(role["scopes"])  # raises on a scope JupyterHub does not know


def test_each_person_gets_the_exchange_and_trainees_lose_formgrader(written):
    plan, out, c = written
    shared = PyFileConfigLoader("nbgrader_config.py", path=str(out / "jupyter")).load_config()
    assert shared.Exchange.root == plan.cohort.exchange
    assert shared.Authenticator.plugin_class == "nbgrader.auth.JupyterHubAuthPlugin"
    terminals = json.loads((out / "jupyter" / "jupyter_server_config.json").read_text("utf-8"))
    assert terminals["ServerApp"]["terminado_settings"]["shell_command"] == ["/bin/bash"]  # no login shell
    lab = json.loads((out / "jupyter-lab" / "labconfig" / "page_config.json").read_text("utf-8"))
    assert lab["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
    server = json.loads((out / "jupyter-lab" / "jupyter_server_config.json").read_text("utf-8"))
    assert server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    trainees_path = c.Spawner.environment["JUPYTER_CONFIG_PATH"].split(":")
    assert trainees_path == [str(out.resolve() / "jupyter-lab"), str(out.resolve() / "jupyter")]
    service = next(s for s in c.JupyterHub.services if s["name"] == plan.course)
    assert service["environment"]["JUPYTER_CONFIG_PATH"] == str(out.resolve() / "jupyter")  # formgrader kept
    culler = next(s for s in c.JupyterHub.services if s["name"] == "idle-culler")
    assert "--timeout=3600" in culler["command"]


def test_the_kubernetes_values_parse_and_the_hook_touches_only_the_grader(written):
    plan, out, _ = written
    values = yaml.safe_load((out / "kubernetes" / "values.yaml").read_text("utf-8"))
    assert values["singleuser"]["storage"]["extraVolumeMounts"][0]["mountPath"] == "/srv/nbgrader/exchange"
    assert yaml.safe_load((out / "kubernetes" / "exchange-volume.yaml").read_text("utf-8"))["spec"][
        "accessModes"] == ["ReadWriteMany"]
    assert "/srv/nbgrader/exchange" in values["singleuser"]["extraFiles"]["nbgrader"]["stringData"]
    roles_ = values["hub"]["loadRoles"]
    assert roles_[f"formgrade-{plan.course}"]["scopes"][0] == "access:servers!user=grader-spring-2026"
    c = SimpleNamespace(JupyterHub=SimpleNamespace(), KubeSpawner=SimpleNamespace())
    for code in values["hub"]["extraConfig"].values():
        ast.parse(code)
        exec(code, {"c": c})  # noqa: S102 (our own generated code, as the hub would run it)
    assert set(c.JupyterHub.load_groups) == {f"formgrade-{plan.course}", f"nbgrader-{plan.course}"}
    for name, expect_root in (("grader-spring-2026", True), ("t01", False)):
        spawner = SimpleNamespace(user=SimpleNamespace(name=name), args=[], default_url="/lab")
        c.KubeSpawner.pre_spawn_hook(spawner)
        assert (spawner.default_url == "/formgrader") is expect_root
        assert any("root_dir=/home/jovyan/cohorts/spring-2026" in a for a in spawner.args) is expect_root
    assert "WORKDIR /opt/workbook" in (out / "kubernetes" / "Dockerfile").read_text("utf-8")


def test_bad_plans_are_refused_with_every_reason_at_once(cohort, tmp_path):
    trainee = cohort.roster[0].username or cohort.roster[0].id
    plan = HubPlan(cohort=cohort, trainers=(trainee, "no spaces allowed"), out=tmp_path,
                   grader="g" * 40, environment=tmp_path, service_port=8000)
    with pytest.raises(CohortError) as refused:
        write_hub(plan)
    text = str(refused.value)
    for says in ("cannot be both trainer and trainee", "'no spaces allowed' cannot be an account name",
                 "--grader-account", "has no jupyterhub-singleuser", "four different ports, not 8000, 8081, 8001, 8000"):
        assert says in text
    assert not (tmp_path / "jupyterhub_config.py").exists()
    assert roles(HubPlan(cohort=cohort, trainers=("a",), out=tmp_path))  # the roles need no files


def test_the_command_writes_it_and_says_what_to_do_next(cohort, tmp_path, monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["cohort", "hub", cohort.name, "--home", str(cohort.root.parent), "--trainer", "aoife-trainer",
                     "--out", str(tmp_path / "hub"), "--authenticator", "shared-password",
                     "--port", "8100", "--hub-port", "8181", "--proxy-api-port", "8101", "--service-port", "9100"])
    assert code == 0, err.getvalue()
    said = out.getvalue()
    assert "12 trainees" in said and "jupyterhub -f" in said and "kubernetes/values.yaml" in said
    assert "belongs to" in said and "chown -R grader-spring-2026:" in said  # the folder is the test's
    config = (tmp_path / "hub" / "jupyterhub_config.py").read_text("utf-8")
    assert 'os.environ["ACTIONLEARNING_HUB_PASSWORD"]' in config and "shared-password" in config
    monkeypatch.setenv("ACTIONLEARNING_HUB_PASSWORD", "read when the hub starts")
    loaded = PyFileConfigLoader("jupyterhub_config.py", path=str(tmp_path / "hub")).load_config()
    assert (loaded.JupyterHub.port, loaded.JupyterHub.hub_port) == (8100, 8181)
    assert loaded.ConfigurableHTTPProxy.api_url.endswith(":8101")
    assert loaded.JupyterHub.services[0]["url"].endswith(":9100")
