package azurestandin

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "calls.jsonl")
	l := NewCallLog(path)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NoError(t, l.Append("create", "azure-native:network:Subnet", "urn:x", "/id"))
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
	_, err = time.Parse(time.RFC3339Nano, recs[0].Time)
	assert.NoError(t, err)
}

func TestCallLogDisabled(t *testing.T) {
	assert.NoError(t, NewCallLog("").Append("create", "t", "u", "i"))
	var l *CallLog
	assert.NoError(t, l.Append("create", "t", "u", "i"))
}
