"""The term model: what an agreement sets up, in a form that can be computed.

- :mod:`termwise.terms.model` — frozen core types (parties, facts, events, conditions,
  payments, grants, benefits, deadlines, loans, obligations, derived values, warnings),
  every element with evidence spans.
- :mod:`termwise.terms.build` — ``build_model(doc)``: runs the sentence-level builders
  (:mod:`~termwise.terms.parties`, :mod:`~termwise.terms.events`,
  :mod:`~termwise.terms.compensation`, :mod:`~termwise.terms.severance`,
  :mod:`~termwise.terms.finance`, :mod:`~termwise.terms.obligations`).
- :mod:`termwise.terms.yamlio` — readable YAML out, validated YAML in (``ModelError``
  names the field and the line).

:mod:`termwise.evaluate.engine` computes what the model means at a date.
"""
