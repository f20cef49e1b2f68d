<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AppMenu</name>
    <message>
        <source>Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: the data is on this phone only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large (150 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest (200 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Sitebook is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sitebook locks itself after %n minute(s) without use.</source>
        <translation>
            <numerusform>Sitebook locks itself after %n minute without use.</numerusform>
            <numerusform>Sitebook locks itself after %n minutes without use.</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How your data is protected on this device:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Nothing needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept these changes. Correct and resubmit them, or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct and resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded on the needs-attention screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone no longer on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This will be lost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will not be sent. The record goes back to what the server holds. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChoiceBox</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Attended – Complied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended – Failed to Comply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended – Sent Home (behaviour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended – Sent Home (service issues)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unacceptable Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Stood Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Medical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable Absence – Court</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled – Service Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescheduled – Person on Probation Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came, worked the session and followed the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but was late, unfit to work, left early or had no PPE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but you sent them home because of their behaviour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Came but was sent home for our reasons (weather, no work, no supervisor). Not their fault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not come and gave no acceptable reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsatisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds and gardening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Litter picking and clean-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting and decorating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Construction and joinery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charity shop retail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teamwork</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health and safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timekeeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trade skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem solving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could teach others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Induction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Education, training and employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised outcome (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected by your PIN only: this phone has no secure key store, so choose a longer PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protected by your PIN and by this phone&apos;s secure key store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FastPathPage</name>
    <message>
        <source>Back to the roster without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone attended and complied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Save %n record(s)</source>
        <translation>
            <numerusform>Save %n record</numerusform>
            <numerusform>Save %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival time for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish time for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of work for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) without a line or a skill: their officer will see feedback as missing.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records “Attended – Complied” for the %n person(s) marked as here, with the same times and the same work. Change anything for one person below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Work the group did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of work (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of work the group did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they did (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: litter pick along the canal towpath</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of the work the group did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of work the group did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the amount counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded with the group: record them from the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line for their officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line of feedback about %1 for their officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill seen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide changes for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes for %1: times, a skill, or record separately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival time for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish time for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill seen in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level of the skill seen in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 separately</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Set up Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficerHomePage</name>
    <message>
        <source>My caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a decision (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Nothing needs a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach referral required: a warning was given on this order within 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No progress has been received yet. Sync to fetch your caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respond by %1 (passed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or CRN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind pace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in your caseload matches. Clear the search or choose Everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed its respond-by date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item or a person to see their record here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineLockedPage</name>
    <message>
        <source>Sign in to see your records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credited hours over time (solid) against the pace needed to finish within 12 months (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solid: hours credited. Dashed: the pace that completes the order 12 months after sentence (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach referral required: a warning was given on this order within 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments and feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amends: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforcement decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer for breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No further action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting a refused decision. Server&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded, sending. It leaves this list now and goes to the server with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>penalty %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This outcome is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This outcome is right: version %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded, sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence judged acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you decide?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence judged acceptable (evidence seen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why was the absence acceptable?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical (for example a sick note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment (work or a job interview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family emergency or caring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Court appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stood down (the session was cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why no further action is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: GP fit note dated 3 March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of decision: the day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of decision: the day after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacementFlags</name>
    <message>
        <source>Placement flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyCover</name>
    <message>
        <source>Sitebook content hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content hidden</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 credited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETE %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work undertaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforcement decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work undertaken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill observed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the officer: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refer for breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no further action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforcement decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is no longer on your caseload: the decision can&apos;t be sent from this device. Tell your office, then discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project is now supervised by someone else: the change can&apos;t be sent from this phone. Tell your office, then discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer holds this appointment, so the change can&apos;t be sent. Tell your office, then discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved record can&apos;t be changed on the server. Discard this change and record what is missing as a new note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change clashes with one already sent from this phone. Discard it and record it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change can&apos;t be corrected on this phone. Tell your office, then discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is no longer on this phone, so the change can&apos;t be corrected here. Tell your office, then discard it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The officer will be alerted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty time (minutes not credited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work undertaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description of the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are they getting on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything worrying?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help they may need, e.g. reading, transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything that happened on site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why should the officer look at this soon?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only staff with access to sensitive notes will see it. It can never be made non-sensitive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The officer will be alerted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an enforceable outcome. Saving it tells %2&apos;s responsible officer, who must decide what happens next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and alert the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resubmit the corrected change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting a refused change. Server&apos;s reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form shows what was refused. Correct it, then send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the refused part is shown. Correct it, then send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the roster; what you typed is kept as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: what you typed earlier is back, not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already recorded. What was recorded is shown below: change it and save to correct it. Saved case notes cannot be changed; a new note is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a case note for now? Write it below and save it without choosing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work recorded earlier. Changes correct that entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did they do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: cleared brambles along the river path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: said he may lose his tenancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved note cannot be changed; to correct one, add a new note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note now, on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed since it was recorded will be lost. The record stays as it was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you typed for %1 will be lost. Nothing has been recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Draft kept on this device at %1, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✎ Draft kept on this device, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you type is kept on this device as a draft until you save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Back to sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n recorded</source>
        <translation>
            <numerusform>%1 of %n recorded</numerusform>
            <numerusform>%1 of %n recorded</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone attended and complied…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone attended and complied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is booked on this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft: typed, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Previous day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4 of %5 recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✓ All %n recorded</source>
        <translation>
            <numerusform>✓ All %n recorded</numerusform>
            <numerusform>✓ All %n recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n recorded</source>
        <translation>
            <numerusform>%1 of %n recorded</numerusform>
            <numerusform>%1 of %n recorded</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Hi-vis required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions on this day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInAgainPage</name>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now: keep working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server needs your password before Sitebook can sync again. Nothing is lost: everything you recorded stays on this phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not %1? Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in once with signal. After that Sitebook works without it and sends your changes when signal returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate (CA file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the server&apos;s certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you were given an enrolment code, paste it here. It fills in the server and the certificate that proves it is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the enrolment code. Fingerprint (SHA-256): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose a file instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message>
        <source>Changes have not been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of Sitebook?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been sent. Sync now, or sign out and lose them.</source>
        <translation>
            <numerusform>%n change has not been sent. Sync now, or sign out and lose it.</numerusform>
            <numerusform>%n changes have not been sent. Sync now, or sign out and lose them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out removes everything on this phone, these changes too. Nobody else can get them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you recorded has reached the server. Signing out removes your records from this phone; they stay on the server. The next person signs in with their own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now and stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and lose them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>To fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the app was told:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock Sitebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wait %n second(s)</source>
        <translation>
            <numerusform>Wait %n second</numerusform>
            <numerusform>Wait %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::AppController</name>
    <message>
        <source>All changes are saved on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: sync is not set up on this phone yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs are different. Enter the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. You can try %n more time(s) before a delay.</source>
        <translation>
            <numerusform>Wrong PIN. You can try %n more time before a delay.</numerusform>
            <numerusform>Wrong PIN. You can try %n more times before a delay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN. Another wrong PIN will make you wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitebook could not open its data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try your PIN again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused: check your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused: check your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and your signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed out. Their records were removed from this phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signed out. Their records were removed from this phone; the server could not be reached, so their sign-in ends there when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the server&apos;s certificate file, or paste an enrolment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code is newer than this version of Sitebook. Update the app, then paste the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Sitebook enrolment code. Paste the whole code you were given; it starts with &quot;sitebook:enrol&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment code is incomplete or damaged. Copy all of it again and paste it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN of %1 to %2 digits that is not easy to guess (not 123456 or 111111). You will need it each time you open Sitebook. Everything recorded on this phone is encrypted; the PIN and this phone&apos;s secure key store unlock it together, even without signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device has no secure key store, so the PIN alone protects the records on it. Choose a longer PIN of %1 to %2 digits that is not easy to guess. You will need it each time you open Sitebook; it unlocks the encrypted records even without signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN that is harder to guess: not a run like 123456 or a repeated pattern like 111111 or 121212.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a PIN of %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. To protect the records, they were removed from this phone. Sign in again to get them back from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more wrong PIN(s) will remove all records from this phone.</source>
        <translation>
            <numerusform>Wrong PIN. %n more wrong PIN will remove all records from this phone.</numerusform>
            <numerusform>Wrong PIN. %n more wrong PINs will remove all records from this phone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong PIN(s) will remove all records from this phone.</source>
        <translation>
            <numerusform>%n more wrong PIN will remove all records from this phone.</numerusform>
            <numerusform>%n more wrong PINs will remove all records from this phone.</numerusform>
        </translation>
    </message>
    <message>
        <source>This phone had not reached the server for too long, so its Sitebook data was deleted. Sign in to use Sitebook again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connect to the server within %n day(s) or this device will lock.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This phone has not reached the server for too long, so its records are locked. Sign in with your password while you have signal to see them again. If it does not reach the server within %n day(s), its Sitebook data will be deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sitebook::ui::CaseloadModel</name>
    <message>
        <source>At this pace: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::FastPathModel</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session starts at %1 on %2. Record the outcome once the session has started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arrival time %1 is later than the time now (%2). Enter the time they arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they arrived, for example 09:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they finished, for example 16:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a finish time after the arrival time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of work the group did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the work the group did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter what the amount counts, for example bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter the time they arrived, for example 09:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter the time they finished, for example 15:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter a finish time after the arrival time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: choose a skill from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is marked as here. Mark who attended, or go back to the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a problem. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::InboxModel</name>
    <message>
        <source>Enforcement decision due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respond by %1 (passed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respond by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RecordController</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they arrived as hours and minutes, for example 09:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the time they finished as hours and minutes, for example 16:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a finish time after the time they arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enter a penalty of no more than %n minute(s), the time between arrival and finish</source>
        <translation>
            <numerusform>Enter a penalty of no more than %n minute, the time between arrival and finish</numerusform>
            <numerusform>Enter a penalty of no more than %n minutes, the time between arrival and finish</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose how well they worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how they behaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the work they did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the description of the work to %1 characters or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter what the amount counts, for example bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount as a number, for example 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten “%1” to %2 characters or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the officer should look at this soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the note to %1 characters or fewer (it has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a penalty of no more than the time between arrival and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a skill they showed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a level for each skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the note, in 4,000 characters or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Fix the problems listed at the top of the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved. Fix the problem listed at the top of the form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::RosterModel</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::StorageWorker</name>
    <message>
        <source>The device is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This appointment is not on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is not on the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is locked; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That appointment is not on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change no longer needs correcting; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form cannot correct that change; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change is the feedback: fill in the feedback to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change no longer needs correcting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is not about that appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change cannot be read on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record form cannot correct this change; discard it or correct it where it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change is the work undertaken: describe the work to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change is a skill observed: choose the skill to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refused change is a case note: write the note to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This decision no longer needs correcting; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is not an enforcement decision; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (refused by the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose why the absence was acceptable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the evidence you saw, for example the date of a sick note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter why no further action is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That version could not be read; sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A warning was given on this order within 12 months before this failure. Choose &quot;Refer for breach&quot;: the law does not allow another warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock Sitebook to see which changes have not been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision has already been recorded for this appointment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the date the decision was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date %1 is before the appointment it answers, on %2. Enter the date the decision was made, on or after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision date %1 is later than today (%2). Enter the date the decision was made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sitebook::ui::SyncController</name>
    <message>
        <source>Demonstration data: not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: changes are kept on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the server could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending changes: %1 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records received: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) kept on this phone</source>
        <translation>
            <numerusform>%n change kept on this phone</numerusform>
            <numerusform>%n changes kept on this phone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent since %1</source>
        <translation>
            <numerusform>%n change not sent since %1</numerusform>
            <numerusform>%n changes not sent since %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not accepted by the server</source>
        <translation>
            <numerusform>%n change not accepted by the server</numerusform>
            <numerusform>%n changes not accepted by the server</numerusform>
        </translation>
    </message>
    <message>
        <source>All changes are saved on this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes are sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Your changes are kept on this phone and are sent as soon as it answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy. Your changes are kept on this phone and are sent when it has room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again to send your changes; they are kept on this phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not allow this phone to sync. Tell your office; your changes are kept on this phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync did not finish. Your changes are kept on this phone. Tell your office if this keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
