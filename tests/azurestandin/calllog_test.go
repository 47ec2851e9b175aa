package azurestandin

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallLogAppendsOneLinePerCallFromManyGoroutines(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "calls.jsonl")
	l := NewCallLog(path)
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NoError(t, l.Append("create", "azure-native:network:Subnet", "urn:x", "/id", ""))
		}()
	}
	wg.Wait()
	recs, err := ReadCallLog(path)
	require.NoError(t, err)
	require.Len(t, recs, 10)
	assert.Equal(t, "create", recs[0].Op)
	assert.Equal(t, "azure-native:network:Subnet", recs[0].Type)
	assert.Equal(t, "urn:x", recs[0].URN)
	assert.Equal(t, "/id", recs[0].ID)
	assert.Empty(t, recs[0].Detail)
	_, err = time.Parse(time.RFC3339Nano, recs[0].Time)
	assert.NoError(t, err)
}

func TestCallLogRetryRecordCarriesDetail(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "calls.jsonl")
	l := NewCallLog(path)
	require.NoError(t, l.Append("retry", "azure-native:network:Subnet", "urn:x", "/id", "AnotherOperationInProgress"))
	require.NoError(t, l.Append("create", "azure-native:network:Subnet", "urn:x", "/id", ""))

	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"detail":"AnotherOperationInProgress"`)
	assert.Equal(t, 1, strings.Count(string(raw), `"detail"`), "an empty detail is left out")

	recs, err := ReadCallLog(path)
	require.NoError(t, err)
	require.Len(t, recs, 2)
	assert.Equal(t, "retry", recs[0].Op)
	assert.Equal(t, "AnotherOperationInProgress", recs[0].Detail)
}

func TestCallLogDisabledWithoutPath(t *testing.T) {
	t.Parallel()
	assert.NoError(t, NewCallLog("").Append("create", "t", "u", "i", ""))
	var l *CallLog
	assert.NoError(t, l.Append("create", "t", "u", "i", ""))
}

func TestReadCallLogReportsBadLine(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "calls.jsonl")
	require.NoError(t, os.WriteFile(path, []byte("{\"op\":\"create\"}\n\nnot json\n"), 0o644))
	_, err := ReadCallLog(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "line 3")
}
