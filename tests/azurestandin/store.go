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

// Store holds the stand-in's resources. Every method is safe for concurrent use, also across processes
// sharing one directory (an exclusive file lock guards each change).
type Store struct {
	dir string // "" keeps everything in memory

	mu     sync.Mutex
	memory map[string]Record // used when dir is ""
}

// NewStore returns a store that keeps its resources in dir, or in memory when dir is "".
func NewStore(dir string) *Store {
	return &Store{dir: dir, memory: map[string]Record{}}
}

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
	if err := os.MkdirAll(filepath.Join(s.dir, "resources"), 0o755); err != nil {
		return err
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
	return filepath.Join(s.dir, "resources", storeKey(id)+".json")
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
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	tmp := s.path(r.ID) + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, s.path(r.ID))
}

func (s *Store) remove(id string) error {
	if s.dir == "" {
		delete(s.memory, strings.ToLower(id))
		return nil
	}
	err := os.Remove(s.path(id))
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
		entries, err := os.ReadDir(filepath.Join(s.dir, "resources"))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(s.dir, "resources", e.Name()))
			if err != nil {
				return nil, err
			}
			var r Record
			if err := json.Unmarshal(data, &r); err != nil {
				return nil, err
			}
			out = append(out, r)
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

// Update runs fn on a consistent view of the store and applies the records it returns to put and the
// IDs it returns to remove, all under one lock: the check-then-write steps of a PUT cannot interleave
// with another process's.
func (s *Store) Update(fn func(view StoreView) (put []Record, remove []string, err error)) error {
	return s.locked(func() error {
		put, remove, err := fn(storeView{s})
		if err != nil {
			return err
		}
		for _, r := range put {
			if err := s.put(r); err != nil {
				return err
			}
		}
		for _, id := range remove {
			if err := s.remove(id); err != nil {
				return err
			}
		}
		return nil
	})
}

// StoreView reads the store inside Update.
type StoreView interface {
	Get(id string) (Record, bool, error)
	All() ([]Record, error)
}

type storeView struct{ s *Store }

func (v storeView) Get(id string) (Record, bool, error) { return v.s.get(id) }
func (v storeView) All() ([]Record, error)              { return v.s.all() }
