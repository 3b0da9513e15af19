-- The SLA policies DESIGN.md asks to ship as defaults. Phases: elapsed (h, d, w, mo, bd = business days) -> target %.
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical: 91 % in 72 h, 97 % in 4 w, 99 % in 6 mo', 'Critical', NULL, NULL, 'release',
        '[{"elapsed":"72h","target":91.0},{"elapsed":"4w","target":97.0},{"elapsed":"6mo","target":99.0}]', TRUE, TRUE, 'system', CURRENT_TIMESTAMP);
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical: 87 % in 3 business days', 'Critical', NULL, NULL, 'release',
        '[{"elapsed":"3bd","target":87.0}]', TRUE, FALSE, 'system', CURRENT_TIMESTAMP);
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical on level 1 computers: 98 %', 'Critical', NULL, 1, 'release', '[{"elapsed":"30d","target":98.0}]', TRUE, TRUE, 'system', CURRENT_TIMESTAMP);
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical on level 2 computers: 85 %', 'Critical', NULL, 2, 'release', '[{"elapsed":"30d","target":85.0}]', TRUE, TRUE, 'system', CURRENT_TIMESTAMP);
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical on level 3 computers: 75 %', 'Critical', NULL, 3, 'release', '[{"elapsed":"30d","target":75.0}]', TRUE, TRUE, 'system', CURRENT_TIMESTAMP);
INSERT INTO sla_policies (name, severity, computer_class, managed_level, clock_start, phases, measured, active, updated_by, updated_at)
VALUES ('Critical on level 4 computers: not measured', 'Critical', NULL, 4, 'release', '[]', FALSE, TRUE, 'system', CURRENT_TIMESTAMP);
