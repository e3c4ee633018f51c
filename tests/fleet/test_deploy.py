"""deploy/ cannot run here (no container runtime, no systemd): what it says is checked against the code instead."""

import configparser
import re
import shlex
from pathlib import Path

import yaml

from core.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SETTINGS = {(field.alias or name).upper() for name, field in Settings.model_fields.items()}
IMAGES = {"POSTGRES_PASSWORD", "POSTGRES_DB", "POSTGRES_USER"}  # read by the postgres image, not by Djobea


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def _djobea_services(compose: dict) -> dict:
    return {name: service for name, service in compose["services"].items() if service.get("image") == "djobea:latest"}


def test_the_compose_file_has_the_fleet_web_twice_a_worker_postgresql_redis_and_a_tls_proxy():
    services = _compose()["services"]
    assert {"web1", "web2", "worker", "postgres", "redis", "proxy", "migrate"} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:") and services["redis"]["image"].startswith("redis:")
    proxy = services["proxy"]
    assert "443:443" in proxy["ports"]
    assert "./nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    nginx = (DEPLOY / "nginx.conf").read_text()
    upstream = re.findall(r"server (\w+):8080", nginx)
    assert upstream == ["web1", "web2"]  # the proxy's upstream is the compose file's web services
    assert "hash $djobea_route consistent;" in nginx and "listen 443 ssl;" in nginx


def test_every_setting_the_compose_file_gives_djobea_is_a_setting_of_core_config():
    compose = _compose()
    services = _djobea_services(compose)
    assert set(services) == {"migrate", "web1", "web2", "worker"}
    for name, service in services.items():
        names = set(service["environment"])
        unknown = names - SETTINGS
        assert not unknown, f"{name} sets {unknown}, which core/config.py does not read"
        assert {"DATABASE_URL", "REDIS_URL", "STORAGE_SECRET", "PUBLIC_BASE_URL"} <= names
        assert service["environment"]["DJOBEA_INLINE_PROCESSING"] == "0"
    text = (DEPLOY / "compose.yaml").read_text()
    interpolated = set(re.findall(r"\$\{(\w+)", text))
    assert interpolated - SETTINGS <= IMAGES, interpolated - SETTINGS - IMAGES


def test_every_setting_of_the_systemd_environment_example_is_a_setting():
    names = {line.split("=", 1)[0] for line in (DEPLOY / "systemd" / "djobea.env.example").read_text().splitlines()
             if line and not line.startswith("#")}
    assert names and names <= SETTINGS, names - SETTINGS


def _units() -> dict[str, configparser.ConfigParser]:
    found = {}
    for path in sorted((DEPLOY / "systemd").glob("*.service")):
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str
        unit.read_string(path.read_text())
        found[path.name] = unit
    return found


def _readme_production_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Production shape", 1)[1].split("\n## ", 1)[0]
    return {line.strip() for block in re.findall(r"```(?:bash)?\n(.*?)```", section, re.S)
            for line in block.splitlines() if line.strip().startswith("djobea ")}


def test_the_systemd_units_and_the_compose_file_run_the_commands_the_readme_gives():
    commands = _readme_production_commands()
    assert {"djobea db upgrade", "djobea serve"} <= commands
    units = _units()
    assert set(units) == {"djobea-migrate.service", "djobea-web@.service", "djobea-worker@.service"}
    for name, unit in units.items():
        argv = shlex.split(unit["Service"]["ExecStart"])
        assert argv[0].endswith("/djobea"), name
        assert " ".join(["djobea", *argv[1:]]) in commands, f"{name} runs {argv}, not a command of the README"
        assert unit["Service"]["EnvironmentFile"] == "/etc/djobea/djobea.env"
        if name != "djobea-migrate.service":
            assert unit["Service"]["KillSignal"] == "SIGTERM" and int(unit["Service"]["TimeoutStopSec"]) >= 25
            assert "djobea-migrate.service" in unit["Unit"]["Requires"]
    for name, service in _djobea_services(_compose()).items():
        assert " ".join(service["command"]) in commands, f"compose's {name} runs {service['command']}"


def test_the_dockerfile_installs_the_project_from_its_own_files_and_serves():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "RUN pip install ." in dockerfile and "COPY migrations ./migrations" in dockerfile
    assert 'CMD ["djobea", "serve"]' in dockerfile and "USER djobea" in dockerfile
    for package in ("core", "ui", "pages"):
        assert f"COPY {package} ./{package}" in dockerfile
