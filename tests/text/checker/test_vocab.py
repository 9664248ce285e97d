import random

from taizhang.text.checker import vocab


def test_word_finder_finds_what_the_trie_regex_finds():
    words = ["深人", "截止目前", "截止", "布署", "既使", "既便", "付主任", "付主席", "付乡长", "一丝不够", "一以惯之", "不象"]
    finder, regex = vocab.WordFinder(words), vocab.alternation(words)
    rng = random.Random(4)
    alphabet = "".join(sorted(set("".join(words)))) + "的开展工作"
    texts = ["截止目前深人开展，付主席讲话", ""] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(2000)]
    for text in texts:
        assert list(finder.finditer(text)) == [m.span() for m in regex.finditer(text)], text


def test_word_finder_takes_the_longest_word_at_a_start():
    finder = vocab.WordFinder(["截止", "截止目前", "止目"])
    assert list(finder.finditer("截止目前，截止")) == [(0, 4), (5, 7)]
    assert finder.search("无关文字") is None
