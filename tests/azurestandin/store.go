package azurestandin

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

// EnvState names the environment variable holding the directory where the offline Azure stand-in (a
// test double) keeps the resources it pretends exist. The engine starts a new plugin process for every
// command and every provider instance, so this directory is what lets a later `pulumi up`, an explicit
// provider for another subscription or an invoke see what an earlier call created. Unset: each process
// starts with nothing and forgets everything when it exits.
const EnvState = "SECUREML_STANDIN_STATE"

// Record is one resource the stand-in pretends exists in Azure.
type Record struct {
	ID            string         `json:"id"`
	Type          string         `json:"type"` // ARM type, e.g. Microsoft.Network/virtualNetworks/subnets
	Subscription  string         `json:"subscription"`
	ResourceGroup string         `json:"resourceGroup"`
	Name          string         `json:"name"`
	Properties    map[string]any `json:"properties"` // the resource's outputs as plain JSON
}

// DeletedRecord is a resource Azure keeps soft-deleted after its delete (a Key Vault, a Machine Learning
// workspace, softdelete.go): gone from its resource group, but its name stays taken until it is purged,
// recovered or its retention period ends.
type DeletedRecord struct {
	ID                     string         `json:"id"` // the ARM ID the resource had
	Type                   string         `json:"type"`
	Subscription           string         `json:"subscription"`
	ResourceGroup          string         `json:"resourceGroup"`
	Name                   string         `json:"name"`
	Location               string         `json:"location"`
	DeletionDate           time.Time      `json:"deletionDate"`
	ScheduledPurgeDate     time.Time      `json:"scheduledPurgeDate"`
	PurgeProtectionEnabled bool           `json:"purgeProtectionEnabled"`
	RetentionDays          int            `json:"retentionDays"`
	Properties             map[string]any `json:"properties"` // the resource's outputs when it was deleted
}

// Store holds the stand-in's resources and soft-deleted resources. Every method is safe for concurrent
// use, also across processes sharing one directory (an exclusive file lock guards each change).
type Store struct {
	dir string // "" keeps everything in memory

	mu      sync.Mutex
	memory  map[string]Record        // used when dir is ""
	deleted map[string]DeletedRecord // used when dir is ""
}

// NewStore returns a store that keeps its resources in dir, or in memory when dir is "".
func NewStore(dir string) *Store {
	return &Store{dir: dir, memory: map[string]Record{}, deleted: map[string]DeletedRecord{}}
}

// Sub-directories of a state directory: live resources and soft-deleted ones, one JSON file each.
const (
	resourcesDir = "resources"
	deletedDir   = "deleted"
)

func storeKey(id string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(id)))
	return hex.EncodeToString(sum[:16])
}

// locked runs fn while holding the store's lock: a mutex in this process and, with a directory, an
// exclusive flock on its lock file, so that several plugin processes see each other's changes whole.
func (s *Store) locked(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir == "" {
		return fn()
	}
	for _, sub := range []string{resourcesDir, deletedDir} {
		if err := os.MkdirAll(filepath.Join(s.dir, sub), 0o755); err != nil {
			return err
		}
	}
	f, err := os.OpenFile(filepath.Join(s.dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }()
	return fn()
}

func (s *Store) path(id string) string {
	return filepath.Join(s.dir, resourcesDir, storeKey(id)+".json")
}

func (s *Store) deletedPath(id string) string {
	return filepath.Join(s.dir, deletedDir, storeKey(id)+".json")
}

func (s *Store) get(id string) (Record, bool, error) {
	if s.dir == "" {
		r, ok := s.memory[strings.ToLower(id)]
		return r, ok, nil
	}
	data, err := os.ReadFile(s.path(id))
	if errors.Is(err, os.ErrNotExist) {
		return Record{}, false, nil
	}
	if err != nil {
		return Record{}, false, err
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return Record{}, false, fmt.Errorf("offline Azure stand-in: reading %s: %w", s.path(id), err)
	}
	return r, true, nil
}

func (s *Store) put(r Record) error {
	if s.dir == "" {
		s.memory[strings.ToLower(r.ID)] = r
		return nil
	}
	return writeJSON(s.path(r.ID), r)
}

// writeJSON writes v to path through a temporary file, so a reader never sees half a record.
func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (s *Store) remove(id string) error {
	if s.dir == "" {
		delete(s.memory, strings.ToLower(id))
		return nil
	}
	return removeFile(s.path(id))
}

func removeFile(path string) error {
	err := os.Remove(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

func (s *Store) all() ([]Record, error) {
	var out []Record
	if s.dir == "" {
		for _, r := range s.memory {
			out = append(out, r)
		}
	} else {
		var err error
		if out, err = readAll[Record](filepath.Join(s.dir, resourcesDir)); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// readAll reads every JSON record of a state sub-directory.
func readAll[T any](dir string) ([]T, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var out []T
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		var r T
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, fmt.Errorf("offline Azure stand-in: reading %s: %w", filepath.Join(dir, e.Name()), err)
		}
		out = append(out, r)
	}
	return out, nil
}

func (s *Store) putDeleted(d DeletedRecord) error {
	if s.dir == "" {
		s.deleted[strings.ToLower(d.ID)] = d
		return nil
	}
	return writeJSON(s.deletedPath(d.ID), d)
}

func (s *Store) removeDeleted(id string) error {
	if s.dir == "" {
		delete(s.deleted, strings.ToLower(id))
		return nil
	}
	return removeFile(s.deletedPath(id))
}

func (s *Store) allDeleted() ([]DeletedRecord, error) {
	var out []DeletedRecord
	if s.dir == "" {
		for _, d := range s.deleted {
			out = append(out, d)
		}
	} else {
		var err error
		if out, err = readAll[DeletedRecord](filepath.Join(s.dir, deletedDir)); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Get returns the resource with the ARM ID id (compared case-insensitively, as ARM does).
func (s *Store) Get(id string) (Record, bool, error) {
	var r Record
	var ok bool
	err := s.locked(func() error {
		var err error
		r, ok, err = s.get(id)
		return err
	})
	return r, ok, err
}

// Put adds or replaces a resource.
func (s *Store) Put(r Record) error {
	return s.locked(func() error { return s.put(r) })
}

// Delete removes a resource; removing one that does not exist is not an error.
func (s *Store) Delete(id string) error {
	return s.locked(func() error { return s.remove(id) })
}

// All returns every resource, sorted by ID.
func (s *Store) All() ([]Record, error) {
	var out []Record
	err := s.locked(func() error {
		var err error
		out, err = s.all()
		return err
	})
	return out, err
}

// Deleted returns every soft-deleted resource, sorted by ID (those whose retention has ended too; see
// activeDeleted).
func (s *Store) Deleted() ([]DeletedRecord, error) {
	var out []DeletedRecord
	err := s.locked(func() error {
		var err error
		out, err = s.allDeleted()
		return err
	})
	return out, err
}

// PutDeleted adds or replaces a soft-deleted resource (a test puts one there as Azure would have it).
func (s *Store) PutDeleted(d DeletedRecord) error {
	return s.locked(func() error { return s.putDeleted(d) })
}

// Update runs fn on a consistent view of the store and applies the records it returns to put and the
// IDs it returns to remove, all under one lock: the check-then-write steps of a PUT cannot interleave
// with another process's.
func (s *Store) Update(fn func(view StoreView) (put []Record, remove []string, err error)) error {
	return s.Apply(func(view StoreView) (Changes, error) {
		put, remove, err := fn(view)
		return Changes{Put: put, Remove: remove}, err
	})
}

// Changes are what one Apply writes: resources to put and remove, soft-deleted resources to put and
// remove (by the ID they had).
type Changes struct {
	Put           []Record
	Remove        []string
	PutDeleted    []DeletedRecord
	RemoveDeleted []string
}

// Apply is Update with soft-deleted resources: fn's Changes are applied under the same lock as its reads.
func (s *Store) Apply(fn func(view StoreView) (Changes, error)) error {
	return s.locked(func() error {
		c, err := fn(storeView{s})
		if err != nil {
			return err
		}
		for _, r := range c.Put {
			if err := s.put(r); err != nil {
				return err
			}
		}
		for _, id := range c.Remove {
			if err := s.remove(id); err != nil {
				return err
			}
		}
		for _, d := range c.PutDeleted {
			if err := s.putDeleted(d); err != nil {
				return err
			}
		}
		for _, id := range c.RemoveDeleted {
			if err := s.removeDeleted(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// StoreView reads the store inside Update and Apply.
type StoreView interface {
	Get(id string) (Record, bool, error)
	All() ([]Record, error)
	Deleted() ([]DeletedRecord, error)
}

type storeView struct{ s *Store }

func (v storeView) Get(id string) (Record, bool, error) { return v.s.get(id) }
func (v storeView) All() ([]Record, error)              { return v.s.all() }
func (v storeView) Deleted() ([]DeletedRecord, error)   { return v.s.allDeleted() }
