-- What the brokers gave up on, recorded in the shared database: each node's embedded broker moves a
-- message to its own DLQ after its last delivery, and that node's DeadLetterRecorder moves it here,
-- so the administrator's dead-letter view is the same on every node and outlives the node.
CREATE TABLE dead_letter (
    message_id  VARCHAR(200) PRIMARY KEY,
    queue       VARCHAR(200),
    kind        VARCHAR(50),
    subject_id  VARCHAR(100),
    attempt     INTEGER,
    deliveries  INTEGER,
    sent_at     TIMESTAMP WITH TIME ZONE,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    node        VARCHAR(100) NOT NULL,
    content     VARCHAR(400) NOT NULL
);
CREATE INDEX dead_letter_by_time ON dead_letter (recorded_at, message_id);
