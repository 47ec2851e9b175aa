package azurestandin

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Create pretends to create a resource in Azure: it checks the request as Azure would, reserves the ID
// (with a private endpoint's network interface and addresses; a vault created with createMode recover
// takes its soft-deleted record back), waits out the writes in flight it conflicts with as azure-native
// would, sleeps the simulated time and records the result. Nothing is deployed.
func (s *Server) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	var id string
	if !req.GetPreview() { // preview calls (only with Options.SupportsPreview) are not logged
		defer func() { s.record("create", token, req.GetUrn(), id) }()
	}
	inputs, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		// Only with Options.SupportsPreview: echo the inputs, no ID, no side effects (outputs the
		// engine does not get back are unknown in the preview).
		props, err := marshal(inputs)
		return &pulumirpc.CreateResponse{Properties: props}, err
	}
	if s.opts.FailType != "" && NormalizeToken(s.opts.FailType) == NormalizeToken(token) {
		return nil, fmt.Errorf("offline Azure stand-in: injected failure for %s", token)
	}
	rid, err := BuildID(token, req.GetUrn(), inputs, s.subscriptionID())
	if err != nil {
		return nil, err
	}
	props := plainMap(inputs)
	if err := s.checkRequest("create", token, rid, props); err != nil {
		return nil, err
	}
	var nic *Record
	var derived map[string]any
	var recoveredVault *DeletedRecord
	reserved := []string{rid.ID}
	err = s.store.Apply(func(view StoreView) (Changes, error) {
		if err := checkAgainstState(view, s.cloud(), "create", token, rid, props); err != nil {
			return Changes{}, err
		}
		back, err := checkSoftDeleted(view, s.now(), rid, props)
		if err != nil {
			return Changes{}, err
		}
		d, err := derivedOutputs(view, token, rid, props)
		if err != nil {
			return Changes{}, err
		}
		derived = withOutputs(d, serviceOutputs(s.cloud(), token, rid, props))
		reservedProps := copyMap(props)
		mergePlain(reservedProps, derived)
		c := Changes{Put: []Record{recordOf(rid, reservedProps, "Creating")}}
		if back != nil { // a vault recovered (createMode recover) is soft-deleted no more
			recoveredVault, c.RemoveDeleted = back, []string{back.ID}
		}
		if NormalizeToken(token) == tokenPrivateEndpoint {
			n, err := endpointNIC(view, rid, props)
			if err != nil {
				return Changes{}, err
			}
			nic, reserved = &n, append(reserved, n.ID)
			c.Put = append(c.Put, n)
		}
		return c, nil
	})
	if err != nil {
		return nil, err
	}
	outputs, err := s.write(ctx, token, req.GetUrn(), "create", rid, props, inputs, nil, nic, derived)
	if err != nil {
		_ = s.store.Apply(func(StoreView) (Changes, error) {
			c := Changes{Remove: reserved}
			if recoveredVault != nil { // a failed recover leaves the vault soft-deleted
				c.PutDeleted = []DeletedRecord{*recoveredVault}
			}
			return c, nil
		})
		return nil, err
	}
	marshalled, err := marshal(outputs)
	if err != nil {
		return nil, err
	}
	id = rid.ID
	return &pulumirpc.CreateResponse{Id: id, Properties: marshalled}, nil
}

// write runs a create or update past the writes in flight, sleeps the simulated time and records the
// resource with its outputs.
func (s *Server) write(ctx context.Context, token, urn, op string, rid ResourceID, props map[string]any,
	inputs, olds resource.PropertyMap, nic *Record, derived map[string]any,
) (resource.PropertyMap, error) {
	scope := props
	if derived != nil { // a gateway's, Bastion host's or inbound endpoint's IP configurations, with their subnets
		scope = copyMap(props)
		mergePlain(scope, derived)
	}
	end, err := s.begin(ctx, token, urn, scopeOf(token, op, rid, scope))
	if err != nil {
		return nil, err
	}
	defer end()
	if err := s.simulate(ctx, token, props); err != nil {
		return nil, err
	}
	outputs := computeOutputs(token, rid, inputs, olds, nic, derived)
	return outputs, s.store.Put(recordOf(rid, plainMap(outputs), "Succeeded"))
}

func recordOf(rid ResourceID, props map[string]any, state string) Record {
	props["provisioningState"] = state
	return Record{
		ID: rid.ID, Type: rid.Type, Subscription: rid.Subscription, ResourceGroup: rid.ResourceGroup, Name: rid.Name,
		Properties: props,
	}
}

// Update pretends to update a resource; the ID never changes.
func (s *Server) Update(ctx context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	if !req.GetPreview() { // preview calls (only with Options.SupportsPreview) are not logged
		defer s.record("update", token, req.GetUrn(), req.GetId())
	}
	olds, news, err := unmarshalOldAndNew(req.GetOlds(), req.GetNews())
	if err != nil {
		return nil, err
	}
	rid, err := IDFromARM(token, req.GetId())
	if req.GetId() == "" {
		rid, err = BuildID(token, req.GetUrn(), news, s.subscriptionID())
	}
	if err != nil {
		return nil, err
	}
	if req.GetPreview() {
		// Only with Options.SupportsPreview: the recomputed outputs without side effects.
		props, err := marshal(computeOutputs(token, rid, news, olds, nil, nil))
		return &pulumirpc.UpdateResponse{Properties: props}, err
	}
	props := plainMap(news)
	if err := s.checkRequest("update", token, rid, props); err != nil {
		return nil, err
	}
	var nic *Record
	var derived map[string]any
	err = s.store.Update(func(view StoreView) ([]Record, []string, error) {
		if err := checkAgainstState(view, s.cloud(), "update", token, rid, props); err != nil {
			return nil, nil, err
		}
		d, err := derivedOutputs(view, token, rid, props)
		if err != nil {
			return nil, nil, err
		}
		derived = withOutputs(d, serviceOutputs(s.cloud(), token, rid, props))
		if NormalizeToken(token) == tokenPrivateEndpoint {
			for _, ref := range objects(pathSlice(plainMap(olds), "networkInterfaces")) {
				if n, ok, err := view.Get(pathString(ref, "id")); err == nil && ok {
					nic = &n
				}
			}
		}
		return nil, nil, nil
	})
	if err != nil {
		return nil, err
	}
	outputs, err := s.write(ctx, token, req.GetUrn(), "update", rid, props, news, olds, nic, derived)
	if err != nil {
		return nil, err
	}
	marshalled, err := marshal(outputs)
	return &pulumirpc.UpdateResponse{Properties: marshalled}, err
}

// Read (refresh) returns the stored state unchanged while the resource exists, and nothing once it
// is gone, so the engine drops it. Without a state directory it cannot know and keeps the state.
func (s *Server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("read", token, req.GetUrn(), req.GetId())
	if s.opts.StateDir != "" {
		if _, ok, err := s.store.Get(req.GetId()); err != nil || !ok {
			return &pulumirpc.ReadResponse{}, err
		}
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

// Delete pretends to delete a resource: Azure refuses to delete a subnet in use, and a public IP,
// gateway or local network gateway in use; otherwise the resource, its nested resources and a private
// endpoint's network interface go away, and a Key Vault or Machine Learning workspace stays soft-deleted.
func (s *Server) Delete(ctx context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	token := tokenOf(req.GetType(), req.GetUrn())
	defer s.record("delete", token, req.GetUrn(), req.GetId())
	rid, err := IDFromARM(token, req.GetId())
	if err != nil {
		return nil, err
	}
	props, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	if err := s.store.Update(func(view StoreView) ([]Record, []string, error) {
		return nil, nil, checkDelete(view, token, rid)
	}); err != nil {
		return nil, err
	}
	end, err := s.begin(ctx, token, req.GetUrn(), scopeOf(token, "delete", rid, plainMap(props)))
	if err != nil {
		return nil, err
	}
	defer end()
	if err := s.simulate(ctx, token, plainMap(props)); err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, s.store.Apply(func(view StoreView) (Changes, error) {
		gone, err := removals(view, rid)
		if err != nil {
			return Changes{}, err
		}
		c := Changes{Remove: gone}
		soft, err := softDeletion(view, s.now(), rid)
		if soft != nil { // a Key Vault or workspace stays soft-deleted (softdelete.go)
			c.PutDeleted = []DeletedRecord{*soft}
		}
		return c, err
	})
}
