def test_superseded_guiding_formulation(check):
    found = check("2023年宣传工作总结\n今年以来，镇党委以党的十九大精神为指导，扎实开展工作。", "stale_formulation")
    assert len(found) == 1 and found[0].severity == "warning" and "二十大" in found[0].message


def test_formulation_current_in_its_year(check):
    assert check("2021年宣传工作总结\n以党的十九大精神为指导，开展工作。", "stale_formulation") == []
