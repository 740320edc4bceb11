"""Question -> plan -> compute -> verify -> `Answer`, with a chat's context carried along."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlq.answer.cite import Writer
from nlq.answer.compute import Unanswerable, compute
from nlq.answer.context import (
    Entry,
    Places,
    about_entry,
    answered_entry,
    same_family,
    with_entries,
)
from nlq.answer.corpus import Corpus
from nlq.answer.plan import plan_question
from nlq.answer.resolve import SemanticMatcher
from nlq.answer.verify import verify
from nlq.errors import NlqError, QuestionError
from nlq.schema import Answer, Intent, Metric, QueryPlan

if TYPE_CHECKING:
    from nlq.answer.llm_plan import LLMPlanner

MAX_QUESTION = 2000
RECENT = 4
"""How many of the last turns' entities "which is bigger?" may compare."""


class Asker:
    """Answers questions over one corpus; remembers the last plan for follow-ups.

    With `llm` (an `LLMPlanner`) the LLM plans each question and, when that fails, the rules
    planner does (the answer's `notes` say so); with `phrase` the LLM also rewords verified
    answers, and the template answer is kept when its wording does not verify.
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        matcher: SemanticMatcher | None = None,
        semantic: bool = True,
        llm: LLMPlanner | None = None,
        phrase: bool = False,
    ) -> None:
        from nlq.answer.semantic import embedding_matcher

        self.corpus = corpus
        self.matcher = matcher or (embedding_matcher() if semantic else None)
        self.llm = llm
        self.phrase = phrase and llm is not None
        self.last: QueryPlan | None = None
        self.last_answer: Answer | None = None
        self.last_entry: Entry | None = None
        """The one entry the last answer named unasked ("the second publisher"), for "it"."""
        self.last_places = Places()
        """Where in its list each entity the last plan took from the answer before stands."""
        self._places = Places()
        self.recent: list[str] = []
        """Clusters of the last turns on the same metrics, for "which is higher?"."""
        self.recent_entities: list[str] = []
        """Entities of the last turns on the same metrics, for "which is bigger?"."""
        self._notes: list[str] = []
        self._planner = "rules"

    def plan(self, question: str, *, follow_up: bool = True) -> QueryPlan:
        """The plan for `question` (using the previous plan as context when `follow_up`)."""
        last = self.last if follow_up else None
        previous, self._places = last, Places()
        if last is not None:
            previous, positions = about_entry(question, last, self.last_entry)
            self._places = Places(tuple(last.metrics[:1]), tuple(positions))
        self._notes, self._planner = [], "rules"
        if self.llm is not None:
            try:
                plan = self.llm.plan(question, self.corpus, previous)
                self._planner = "llm"
                return plan
            except NlqError as e:
                self._notes.append(f"the LLM planner failed, so the rules planner answered: {e}")
        recent = self.recent if follow_up else []
        entities = self.recent_entities if follow_up else []
        plan = plan_question(
            question, self.corpus, previous, self.matcher, recent=recent, recent_entities=entities
        )
        if last is not None and previous is not None:
            self._places = with_entries(
                plan, previous, self._places, last, self.last_places, self.corpus
            )
        return plan

    def ask(self, question: str, *, follow_up: bool = True) -> Answer:
        """A verified answer; never raises for a question it cannot answer (it says so)."""
        question = "".join(ch if ch.isprintable() else " " for ch in question)[:MAX_QUESTION]
        if not question.strip():
            plan = QueryPlan(intent=Intent.UNANSWERABLE, reason="the question is empty")
        else:
            plan = self.plan(question, follow_up=follow_up)
        answer = self.answer(plan)
        answer.planner, answer.notes = self._planner, self._notes  # type: ignore[assignment]
        if self.phrase and answer.citations:
            answer = self._phrased(question, answer)
        # A refusal that knew the metric ("Munich's size rank") is context for "and Hefei's?".
        # So is one that named its cluster ("Changsha's R&D spending?" then "its top field?").
        context = plan.intent is not Intent.UNANSWERABLE or (
            (plan.metrics or plan.clusters) and Metric.EDITION not in plan.metrics
        )
        if context:
            same = self.last is not None and self.last.metrics == plan.metrics
            self.recent = list(dict.fromkeys((self.recent if same else []) + plan.clusters))
            alike = self.last is not None and same_family(plan.metrics, self.last.metrics)
            kept = self.recent_entities if same or alike else []
            self.recent_entities = list(dict.fromkeys(kept + plan.entities))[-RECENT:]
            self.last = plan
            self.last_entry = answered_entry(plan, self.corpus)
            self.last_places = self._places
        self.last_answer = answer
        return answer

    def answer(self, plan: QueryPlan) -> Answer:
        """Compute and verify the answer to `plan` (fail closed)."""
        w = Writer(self.corpus)
        try:
            text = compute(w, plan, self.corpus)
        except Unanswerable as e:
            reason = str(e).rstrip(".")
            return Answer(
                answer=f"I can't answer that from the indexed profiles: {reason}.", plan=plan
            )
        answer = Answer(answer=text, citations=w.citations, figures=w.figures, plan=plan)
        try:
            return verify(answer, self.corpus)
        except QuestionError:
            # The reason names the offending number, which must not be shown either.
            return Answer(
                answer="I could not verify an answer in which every figure is cited, "
                "so none is shown.",
                plan=plan,
            )

    def _phrased(self, question: str, answer: Answer) -> Answer:
        assert self.llm is not None
        try:
            return self.llm.phrase(question, answer, self.corpus).model_copy(
                update={"phrased": True}
            )
        except NlqError as e:
            answer.notes.append(f"the LLM's wording was not used: {e}")
            return answer
