package azurestandin

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"
)

// EnvLog names the environment variable holding the path of the call log. When set, the offline Azure
// stand-in (a test double) appends one JSON line per create/update/delete/read/diff/check call.
const EnvLog = "SECUREML_STANDIN_LOG"

// CallRecord is one line of the call log.
type CallRecord struct {
	// Time is when the call finished, RFC 3339 with nanoseconds.
	Time string `json:"time"`
	// Op is one of create, update, delete, read, diff, check, or retry: a write that met a refusal
	// azure-native retries and waits out its retry delay (Detail holds Azure's error code).
	Op string `json:"op"`
	// Type is the resource type token, e.g. azure-native:network:VirtualNetwork.
	Type string `json:"type"`
	// URN is the resource URN.
	URN string `json:"urn"`
	// ID is the ARM ID the stand-in assigned ("" when there is none yet, e.g. for check).
	ID string `json:"id"`
	// Detail adds what the operation needs said, e.g. the error code of a retry.
	Detail string `json:"detail,omitempty"`
}

// CallLog appends CallRecords to a file as JSON lines. A CallLog with an empty path does nothing.
// It is safe for concurrent use; the file is opened with O_APPEND for every write.
type CallLog struct {
	mu   sync.Mutex
	path string
}

// NewCallLog returns a log that appends to path (no-op when path is "").
func NewCallLog(path string) *CallLog { return &CallLog{path: path} }

// Append writes one record stamped with the current time.
func (l *CallLog) Append(op, token, urn, id, detail string) error {
	if l == nil || l.path == "" {
		return nil
	}
	line, err := json.Marshal(CallRecord{
		Time: time.Now().UTC().Format(time.RFC3339Nano), Op: op, Type: token, URN: urn, ID: id, Detail: detail,
	})
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	f, err := os.OpenFile(l.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// ReadCallLog parses a call log written by CallLog (for tests that assert on what the stand-in saw).
func ReadCallLog(path string) ([]CallRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	var out []CallRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r CallRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
