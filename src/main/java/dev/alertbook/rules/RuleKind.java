package dev.alertbook.rules;

/** Whether a rule fires alerts ({@code alert:}) or records a new series ({@code record:}). */
public enum RuleKind {
    ALERTING, RECORDING
}
