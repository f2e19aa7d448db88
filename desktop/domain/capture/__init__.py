"""Quick capture, pure: the parser's parts and the planning of what a capture saves.

Parser parts (the public entry is :mod:`desktop.domain.capture_parser`): ``results``
(what the parser returns), ``text`` (characters and words), ``rules`` (per-language
phrase tables), ``names`` (finding names and who they are), ``promises`` (commitment
clauses), ``meeting`` (who was met, organization and place), ``intros`` (introductions);
the due-date table is :mod:`desktop.domain.due_dates`.

Planning: ``plan`` (parse + name look-ups + the user's corrections -> a ``CapturePlan``),
``planned`` (its vocabulary), ``corrections`` (what the user changed in the preview),
``when`` (reading "yesterday evening").
"""
