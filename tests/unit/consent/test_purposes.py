"""The purposes config: what the shipped file says, and which edits it refuses."""

import copy

import pytest
import yaml

from guardrails.config import ConfigError
from guardrails.consent import purposes


def test_when_shipped_config_loads_then_only_personalisation_asks_for_consent():
    assert purposes.consent_purposes() == ["personalisation"]
    personalisation = purposes.purpose("personalisation")
    assert personalisation.fields == ("purchase_history", "preferences")
    assert personalisation.version and "change your mind" in personalisation.notice
    assert {"birth_year", "gender"} <= purposes.sensitive_fields()


@pytest.mark.parametrize(
    "name, fields",
    [
        ("order_service", {"orders", "refunds"}),
        ("billing", {"invoices"}),
        ("address_change", {"address"}),
    ],
)
def test_when_purpose_is_the_contract_then_it_needs_no_consent_and_reads_only_its_fields(name, fields):
    found = purposes.purpose(name)
    assert not found.requires_consent and set(found.fields) == fields


def valid() -> dict:
    return yaml.safe_load(purposes.PURPOSES_FILE.read_text())


def edited(**changes) -> dict:
    """The shipped config with keys replaced; ``purposes__billing__notice=...`` is a nested key."""
    data = copy.deepcopy(valid())
    for path, value in changes.items():
        *parents, last = path.split("__")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return data


@pytest.mark.parametrize(
    "data, message",
    [
        # the point of the file: personalisation may never read sensitive attributes
        (edited(purposes__personalisation__fields=["purchase_history", "birth_year"]), "sensitive"),
        (edited(purposes__personalisation__fields=["gender"]), "sensitive"),
        # removing them from the YAML's list does not make them readable
        (edited(sensitive_fields=[], purposes__personalisation__fields=["gender"]), "sensitive"),
        # the YAML can add sensitive fields: then a consent purpose may not read them either
        (edited(sensitive_fields=["birth_year", "gender", "preferences"]), "sensitive"),
        (edited(purposes__personalisation__fields=["shoe_size"]), "unknown profile fields"),
        (edited(purposes__personalisation__version=None), "version"),
        (edited(purposes__billing__requires_consent="no"), "requires_consent"),
        (edited(purposes__billing__notice="   "), "must not be empty"),
        ({"purposes": {}}, "non-empty"),
        (None, "non-empty"),
    ],
)
def test_when_config_is_unsafe_or_malformed_then_loading_fails_loudly(data, message):
    with pytest.raises(ConfigError, match=message):
        purposes.parse(data)


def test_when_file_grants_a_sensitive_field_to_personalisation_then_load_fails(tmp_path):
    path = tmp_path / "purposes.yml"
    path.write_text(yaml.safe_dump(edited(purposes__personalisation__fields=["purchase_history", "gender"])))
    with pytest.raises(ConfigError, match="personalisation.*gender"):
        purposes.load(path)


def test_when_purpose_is_unknown_then_asking_for_it_fails_loudly():
    with pytest.raises(purposes.UnknownPurpose, match="marketing"):
        purposes.purpose("marketing")
