"""``search.segmentation.segment``: words of scripts written without spaces (Khmer, Lao, Thai,
Burmese) separated by spaces with ICU word boundaries; every other text returned as it is."""

from search.segmentation import segment

SENTENCE = "ការពារកម្មករពីគ្រោះថ្នាក់"  # "protect workers from accidents"


def test_a_khmer_sentence_is_cut_at_its_word_boundaries():
    assert segment(SENTENCE, "km") == "ការពារ កម្មករ ពី គ្រោះថ្នាក់"


def test_the_language_code_is_not_needed_the_script_decides():
    assert segment(SENTENCE, "en") == segment(SENTENCE) == "ការពារ កម្មករ ពី គ្រោះថ្នាក់"


def test_latin_and_other_spaced_text_is_returned_as_it_is():
    for text in ("Fire safety, wages & overtime", "Việt Nam", "السلامة المهنية", "স্বাস্থ্য", ""):
        assert segment(text, "en") is text


def test_mixed_text_cuts_only_the_khmer_runs():
    text = "Fire safety (សុវត្ថិភាពអគ្គិភ័យ) in 2024: រោងចក្រកាត់ដេរ."
    assert segment(text) == "Fire safety (សុវត្ថិភាព អគ្គិភ័យ) in 2024: រោងចក្រ កាត់ដេរ."


def test_segmenting_twice_changes_nothing_more():
    once = segment(SENTENCE)
    assert segment(once) == once


def test_khmer_punctuation_and_zero_width_spaces_separate_words():
    assert segment("ការពារ\u200bកម្មករ។ពី") == "ការពារ កម្មករ ។ ពី"


def test_thai_lao_and_burmese_are_cut_too():
    assert segment("ภาษาไทยง่าย") == "ภาษา ไทย ง่าย"
    assert segment("ພາສາລາວ") == "ພາສາ ລາວ"
    assert segment("မြန်မာဘာသာစကား") == "မြန်မာဘာသာ စကား"
