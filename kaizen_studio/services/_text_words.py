"""Function words of English notes (private to services.clustering).

Pronouns, auxiliaries, negations, determiners, prepositions, conjunctions, vague
adverbs and indefinite pronouns ("nobody", "always", "we", "have"): the words that
frontline notes are full of and that say how someone feels, not what the note is about.
The embedding gives them little weight and labels never start or end on one.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list."""
    return frozenset(text.split())


_TEXT = """a about above across after again against all almost also although always am among an
    and another any anybody anyone anything anyway are around as at away be because been
    before being below between both but by can cannot could did do does doing done down during
    each either else enough even ever every everybody everyone everything few for from further
    get gets getting got gotten had has have having he her here hers herself him himself his how
    however i if in instead into is it its itself just least less let lot lots many may maybe me
    might mine more most much must my myself neither never no nobody none noone nor not nothing
    now of off often on once one only onto or other others otherwise our ours ourselves out over
    own per please quite rather really same several she should since so some somebody someone
    something sometimes still such than that the their theirs them themselves then there these
    they thing things this those though through till to too under unless until up upon us very
    was we were what whatever when whenever where whether which while who whoever whom whose why
    will with within without would yet you your yours yourself yourselves ok okay etc via bit
    kind sort stuff already usually basically actually literally
    i'm i've i'd i'll you're you've you'd you'll we're we've we'd we'll they're they've they'd
    they'll he's she's it's that's there's what's who's let's isn't aren't wasn't weren't don't
    doesn't didn't haven't hasn't hadn't can't couldn't won't wouldn't shouldn't mustn't ain't
    dont cant wont isnt arent wasnt didnt doesnt havent hasnt couldnt wouldnt shouldnt im ive"""
FUNCTION_WORDS = word_set(_TEXT)

# What BERT's splitting leaves of contractions ("don't" -> "don", "'", "t").
CONTRACTION_PIECES = word_set(
    "s t m d ll ve re don doesn didn isn aren wasn weren haven hasn hadn couldn wouldn "
    "shouldn mustn won ain"
)
