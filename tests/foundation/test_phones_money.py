import pytest

from core.money import format_range, format_xaf, percent_of
from core.phones import InvalidPhone, display_phone, is_cameroon_mobile, mask_phone, normalize_phone


@pytest.mark.parametrize("raw", ["+237 6 99 12 34 56", "699123456", "whatsapp:+237699123456", "237699123456",
                                 "00237699123456", "+237-699-12-34-56"])
def test_every_spelling_of_a_number_is_one_person(raw):
    assert normalize_phone(raw) == "+237699123456"


@pytest.mark.parametrize("raw", ["", "hello", "69912", "+237 6991234567", "whatsapp:"])
def test_garbage_is_refused(raw):
    with pytest.raises(InvalidPhone):
        normalize_phone(raw)


def test_mobile_mask_and_display():
    assert is_cameroon_mobile("+237699123456")
    assert not is_cameroon_mobile("+237233123456")
    assert mask_phone("+237699123456") == "+237699***456"
    assert display_phone("+237699123456") == "+237 6 99 12 34 56"


def test_money_is_whole_xaf_written_as_people_write_it():
    assert format_xaf(15000) == "15\u202f000 FCFA"
    assert format_xaf(0) == "0 FCFA"
    assert format_xaf(1250000) == "1\u202f250\u202f000 FCFA"
    assert format_range(5000, 15000) == "5\u202f000 – 15\u202f000 FCFA"
    with pytest.raises(TypeError):
        format_xaf(15000.0)  # type: ignore[arg-type]


def test_percent_rounds_half_up_without_floats():
    assert percent_of(10000, 15) == 1500
    assert percent_of(3333, 15) == 500  # 499.95 -> 500
    assert percent_of(3330, 15) == 500  # 499.5 -> 500
    assert percent_of(3329, 15) == 499
